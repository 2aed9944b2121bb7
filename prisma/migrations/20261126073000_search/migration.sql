-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "materialId" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "SearchOutbox_nextAttemptAt_idx" ON "SearchOutbox"("nextAttemptAt");

-- CreateIndex
CREATE INDEX "SearchOutbox_materialId_idx" ON "SearchOutbox"("materialId");

-- Embedded full-text index (not a Prisma model): one row per material, rowid = Material.id.
-- Columns are ranked name > formula > details > paper text by the search query's bm25 weights.
CREATE VIRTUAL TABLE "MaterialText" USING fts5(
    name, formula, details, paper,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);

-- Triggers keep the index and the outbox in the same transaction as every write to a material.
CREATE TRIGGER "Material_search_insert" AFTER INSERT ON "Material" BEGIN
    INSERT INTO "MaterialText" (rowid, name, formula, details, paper)
    SELECT NEW."id", NEW."searchName", coalesce(NEW."formula", ''),
           NEW."materialClass" || ' ' || NEW."role" || ' ' || NEW."batterySystem" || ' ' || coalesce(NEW."description", '') || ' ' || coalesce(NEW."citedReference", ''),
           p."title" || ' ' || p."journal" || ' ' || coalesce(p."abstract", '') || ' ' ||
           coalesce((SELECT group_concat(k."keyword", ' ') FROM "PaperKeyword" k WHERE k."paperId" = p."id"), '') || ' ' ||
           coalesce((SELECT group_concat(a."name", ' ') FROM "Author" a WHERE a."paperId" = p."id"), '')
    FROM "Paper" p WHERE p."id" = NEW."paperId";
    INSERT INTO "SearchOutbox" ("materialId", "op") VALUES (NEW."id", 'upsert');
END;

CREATE TRIGGER "Material_search_update" AFTER UPDATE ON "Material" BEGIN
    DELETE FROM "MaterialText" WHERE rowid = OLD."id";
    INSERT INTO "MaterialText" (rowid, name, formula, details, paper)
    SELECT NEW."id", NEW."searchName", coalesce(NEW."formula", ''),
           NEW."materialClass" || ' ' || NEW."role" || ' ' || NEW."batterySystem" || ' ' || coalesce(NEW."description", '') || ' ' || coalesce(NEW."citedReference", ''),
           p."title" || ' ' || p."journal" || ' ' || coalesce(p."abstract", '') || ' ' ||
           coalesce((SELECT group_concat(k."keyword", ' ') FROM "PaperKeyword" k WHERE k."paperId" = p."id"), '') || ' ' ||
           coalesce((SELECT group_concat(a."name", ' ') FROM "Author" a WHERE a."paperId" = p."id"), '')
    FROM "Paper" p WHERE p."id" = NEW."paperId";
    INSERT INTO "SearchOutbox" ("materialId", "op") VALUES (NEW."id", 'upsert');
END;

CREATE TRIGGER "Material_search_delete" AFTER DELETE ON "Material" BEGIN
    DELETE FROM "MaterialText" WHERE rowid = OLD."id";
    INSERT INTO "SearchOutbox" ("materialId", "op") VALUES (OLD."id", 'delete');
END;

CREATE TRIGGER "Measurement_search_insert" AFTER INSERT ON "Measurement" BEGIN
    INSERT INTO "SearchOutbox" ("materialId", "op") SELECT NEW."materialId", 'upsert'
    WHERE NOT EXISTS (SELECT 1 FROM "SearchOutbox" o WHERE o."materialId" = NEW."materialId" AND o."op" = 'upsert' AND o."attempts" = 0);
END;

CREATE TRIGGER "Measurement_search_update" AFTER UPDATE ON "Measurement" BEGIN
    INSERT INTO "SearchOutbox" ("materialId", "op") SELECT NEW."materialId", 'upsert'
    WHERE NOT EXISTS (SELECT 1 FROM "SearchOutbox" o WHERE o."materialId" = NEW."materialId" AND o."op" = 'upsert' AND o."attempts" = 0);
END;

CREATE TRIGGER "Measurement_search_delete" AFTER DELETE ON "Measurement" BEGIN
    INSERT INTO "SearchOutbox" ("materialId", "op") SELECT OLD."materialId", 'upsert'
    WHERE NOT EXISTS (SELECT 1 FROM "SearchOutbox" o WHERE o."materialId" = OLD."materialId" AND o."op" = 'upsert' AND o."attempts" = 0);
END;

-- Metric clauses: one measurement meets a property bound and its condition bounds.
CREATE INDEX "Measurement_propertyKey_temperature_canonicalValue_materialId_idx" ON "Measurement"("propertyKey", "temperature", "canonicalValue", "materialId");
CREATE INDEX "Measurement_propertyKey_currentDensity_canonicalValue_materialId_idx" ON "Measurement"("propertyKey", "currentDensity", "canonicalValue", "materialId");
CREATE INDEX "Measurement_materialId_propertyKey_canonicalValue_idx" ON "Measurement"("materialId", "propertyKey", "canonicalValue");

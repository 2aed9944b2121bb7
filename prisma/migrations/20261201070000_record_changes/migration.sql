-- The records' own change feed: one row per material written, replaced or deleted (a paper's
-- update names each of its materials), in the same transaction as the change. Its highest id is the
-- records version, which drafts, sessions, sign-in attempts and the search outbox never move, so
-- caches of the records (the facet index) refresh only for the records' own writes, and only for
-- the materials named since the version they hold.
CREATE TABLE "RecordChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "materialId" INTEGER NOT NULL
);

CREATE TRIGGER "Material_change_insert" AFTER INSERT ON "Material" BEGIN
    INSERT INTO "RecordChange" ("materialId") VALUES (NEW."id");
END;

CREATE TRIGGER "Material_change_update" AFTER UPDATE ON "Material" BEGIN
    INSERT INTO "RecordChange" ("materialId") VALUES (NEW."id");
END;

CREATE TRIGGER "Material_change_delete" AFTER DELETE ON "Material" BEGIN
    INSERT INTO "RecordChange" ("materialId") VALUES (OLD."id");
END;

CREATE TRIGGER "Paper_change_update" AFTER UPDATE ON "Paper" BEGIN
    INSERT INTO "RecordChange" ("materialId") SELECT "id" FROM "Material" WHERE "paperId" = NEW."id";
END;

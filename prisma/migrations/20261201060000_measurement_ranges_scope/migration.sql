-- A measurement states a value or a range, says what it is about (scope) and, when derived, how it
-- was computed. The table is rebuilt because `value` becomes optional (NULL for a range) and the
-- canonical numbers become the two ends every search reads: canonicalMin and canonicalMax, equal for
-- a single value. Range-capable conditions gain a column for their upper end.
--
-- Rows written before: a row with both min and max was a range whose `value` was only a
-- representative (its upper end or midpoint), so it becomes the range it states; a row with one
-- bound becomes the range between that bound and its value; every row is about the material itself.

CREATE TABLE "new_Measurement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "materialId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "propertyKey" TEXT NOT NULL,
    "value" REAL,
    "min" REAL,
    "max" REAL,
    "reported" TEXT,
    "unit" TEXT NOT NULL,
    "unitReadAs" TEXT,
    "canonicalMin" REAL NOT NULL,
    "canonicalMax" REAL NOT NULL,
    "canonicalUnit" TEXT,
    "qualifier" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'material',
    "quote" TEXT NOT NULL,
    "location" TEXT,
    "source" TEXT NOT NULL DEFAULT 'stated',
    "derivationJson" TEXT,
    "subject" TEXT,
    "note" TEXT,
    "conditionsJson" TEXT,
    "currentDensity" REAL,
    "currentDensityMax" REAL,
    "arealCurrentDensity" REAL,
    "arealCurrentDensityMax" REAL,
    "cRate" REAL,
    "oneC" REAL,
    "temperature" REAL,
    "temperatureMax" REAL,
    "cycle" INTEGER,
    "scanRate" REAL,
    "scanRateMax" REAL,
    "voltageMin" REAL,
    "voltageMax" REAL,
    "cellType" TEXT,
    "workingElectrode" TEXT,
    "counterElectrode" TEXT,
    "electrolyte" TEXT,
    "massLoading" REAL,
    "massLoadingMax" REAL,
    "sulfurLoading" REAL,
    "sulfurLoadingMax" REAL,
    "esRatio" REAL,
    "esRatioMax" REAL,
    CONSTRAINT "Measurement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Measurement_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "Property" ("key") ON DELETE RESTRICT ON UPDATE CASCADE
);

INSERT INTO "new_Measurement" (
    "id", "materialId", "position", "propertyKey", "value", "min", "max", "unit", "canonicalMin", "canonicalMax", "canonicalUnit",
    "qualifier", "scope", "quote", "location", "source", "subject", "note", "conditionsJson",
    "currentDensity", "currentDensityMax", "arealCurrentDensity", "arealCurrentDensityMax", "cRate", "oneC", "temperature", "temperatureMax",
    "cycle", "scanRate", "scanRateMax", "voltageMin", "voltageMax", "cellType", "counterElectrode", "electrolyte",
    "massLoading", "massLoadingMax", "sulfurLoading", "sulfurLoadingMax", "esRatio", "esRatioMax"
)
SELECT
    "id", "materialId", "position", "propertyKey",
    CASE WHEN "min" IS NULL AND "max" IS NULL THEN "value" END,
    CASE WHEN "min" IS NULL AND "max" IS NULL THEN NULL ELSE coalesce("min", "value") END,
    CASE WHEN "min" IS NULL AND "max" IS NULL THEN NULL ELSE coalesce("max", "value") END,
    "unit",
    coalesce("canonicalMin", "canonicalValue"), coalesce("canonicalMax", "canonicalValue"), "canonicalUnit",
    "qualifier", 'material', "quote", "location", "source", "subject", "note", "conditionsJson",
    "currentDensity", "currentDensity", "arealCurrentDensity", "arealCurrentDensity", "cRate", "oneC", "temperature", "temperature",
    "cycle", "scanRate", "scanRate", "voltageMin", "voltageMax", "cellType", "counterElectrode", "electrolyte",
    "massLoading", "massLoading", "sulfurLoading", "sulfurLoading", "esRatio", "esRatio"
FROM "Measurement";

DROP TABLE "Measurement";
ALTER TABLE "new_Measurement" RENAME TO "Measurement";

CREATE UNIQUE INDEX "Measurement_materialId_position_key" ON "Measurement"("materialId", "position");
-- Metric clauses by either end of a value (a bound "at least x" reads the upper end under overlap,
-- the lower end under containment), or by a bounded condition first; every column a clause reads
-- is in them, so the lookups stay covering.
CREATE INDEX "Measurement_propertyKey_canonicalMax_canonicalMin_materialId_scope_source_idx" ON "Measurement"("propertyKey", "canonicalMax", "canonicalMin", "materialId", "scope", "source");
CREATE INDEX "Measurement_propertyKey_canonicalMin_canonicalMax_materialId_scope_source_idx" ON "Measurement"("propertyKey", "canonicalMin", "canonicalMax", "materialId", "scope", "source");
CREATE INDEX "Measurement_propertyKey_temperature_temperatureMax_canonicalMax_canonicalMin_materialId_scope_source_idx" ON "Measurement"("propertyKey", "temperature", "temperatureMax", "canonicalMax", "canonicalMin", "materialId", "scope", "source");
CREATE INDEX "Measurement_propertyKey_currentDensity_currentDensityMax_canonicalMax_canonicalMin_materialId_scope_source_idx" ON "Measurement"("propertyKey", "currentDensity", "currentDensityMax", "canonicalMax", "canonicalMin", "materialId", "scope", "source");
CREATE INDEX "Measurement_materialId_propertyKey_canonicalMax_idx" ON "Measurement"("materialId", "propertyKey", "canonicalMax");

-- The search outbox follows measurements (dropping the table dropped its triggers).
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

-- The property facet lists what was measured on the material itself and stated by the paper.
UPDATE "Material" SET "propertyKeys" = coalesce((SELECT group_concat("propertyKey") FROM (SELECT DISTINCT X."propertyKey" FROM "Measurement" X WHERE X."materialId" = "Material"."id" AND X."scope" = 'material' AND X."source" = 'stated' ORDER BY X."propertyKey")), '');

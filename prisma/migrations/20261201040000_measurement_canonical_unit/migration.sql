-- The unit a measurement's canonical value was converted to, kept with the number: changing a
-- property's canonical unit later converts stored values instead of relabelling them. Rows written
-- so far are in the unit the Property table holds for their property.
ALTER TABLE "Measurement" ADD COLUMN "canonicalUnit" TEXT;
UPDATE "Measurement" SET "canonicalUnit" = (SELECT "unit" FROM "Property" WHERE "Property"."key" = "Measurement"."propertyKey");

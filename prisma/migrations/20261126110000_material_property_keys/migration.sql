-- AlterTable: the properties measured on each material, for the search facet index.
ALTER TABLE "Material" ADD COLUMN "propertyKeys" TEXT NOT NULL DEFAULT '';

UPDATE "Material" SET "propertyKeys" = coalesce((SELECT group_concat("propertyKey") FROM (SELECT DISTINCT X."propertyKey" FROM "Measurement" X WHERE X."materialId" = "Material"."id" ORDER BY X."propertyKey")), '');

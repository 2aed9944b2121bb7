-- A material's measurements are found through (materialId, position) and a property's through the
-- property-first indexes; this one only cost every import its upkeep.
DROP INDEX "Measurement_materialId_propertyKey_canonicalMax_idx";

-- The material class is one of a list (lib/records/material-classes.ts) so the search facet groups
-- like with like; what the class alone does not say goes in "classNote". A class written before the
-- list that is not one of its values becomes "other", its text kept as the note, as the record
-- format reads such a file. The list below is the one this migration was written with.
ALTER TABLE "Material" ADD COLUMN "classNote" TEXT;

CREATE TEMP TABLE "ListedClass" ("value" TEXT NOT NULL);
INSERT INTO "ListedClass" ("value") VALUES
    ('layered oxide'),
    ('spinel oxide'),
    ('polyanion'),
    ('Prussian blue analogue'),
    ('organic electrode'),
    ('conversion-type oxide'),
    ('conversion-type sulfide'),
    ('conversion-type selenide'),
    ('alloying metal'),
    ('metal anode'),
    ('hard carbon'),
    ('graphite'),
    ('doped carbon'),
    ('carbon (other)'),
    ('MXene / 2D'),
    ('sulfur host'),
    ('single-atom catalyst'),
    ('liquid electrolyte'),
    ('quasi-solid / gel electrolyte'),
    ('polymer electrolyte'),
    ('inorganic solid electrolyte'),
    ('electrolyte additive'),
    ('separator / interlayer'),
    ('binder'),
    ('cell'),
    ('other');

UPDATE "Material" SET "classNote" = "materialClass", "materialClass" = 'other'
WHERE lower(trim("materialClass")) NOT IN (SELECT lower("value") FROM "ListedClass");

-- A listed class written in another case reads as the list writes it.
UPDATE "Material" SET "materialClass" = (SELECT "value" FROM "ListedClass" WHERE lower("value") = lower(trim("Material"."materialClass")))
WHERE "materialClass" NOT IN (SELECT "value" FROM "ListedClass");

DROP TABLE "ListedClass";

-- The embedded full-text index is written by the record writer with the same text builder as the
-- Meilisearch documents (folded, so "FeS2" finds a paper text that says "FeS₂"), no longer by
-- triggers that copied the paper text as stored. The material triggers keep feeding the outbox.
-- The old text is dropped here; `matlit setup` rebuilds it with the builder (its version is kept in
-- Meta as "searchTextVersion", so a changed builder rebuilds it again).
DROP TRIGGER "Material_search_insert";
DROP TRIGGER "Material_search_update";

CREATE TRIGGER "Material_search_insert" AFTER INSERT ON "Material" BEGIN
    INSERT INTO "SearchOutbox" ("materialId", "op") VALUES (NEW."id", 'upsert');
END;

CREATE TRIGGER "Material_search_update" AFTER UPDATE ON "Material" BEGIN
    INSERT INTO "SearchOutbox" ("materialId", "op") VALUES (NEW."id", 'upsert');
END;

DELETE FROM "MaterialText";

CREATE TABLE "Meta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

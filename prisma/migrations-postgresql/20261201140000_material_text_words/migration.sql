-- The embedded search's text index on PostgreSQL (lib/search/full-text.ts): each material's words
-- as a tsvector written by the records writer, searched through a GIN index. Existing rows get
-- theirs when `matlit setup` rewrites the search text (its version changed with this column).
ALTER TABLE "MaterialText" ADD COLUMN "words" tsvector;
CREATE INDEX "MaterialText_words_idx" ON "MaterialText" USING GIN ("words");

-- The version of the published paper an edit draft started from (optimistic concurrency on publish).
ALTER TABLE "PaperDraft" ADD COLUMN "baseVersion" INTEGER;

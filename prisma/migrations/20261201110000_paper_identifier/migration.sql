-- A paper without a DOI (a preprint, a book, a report) is named by another identifier; its key
-- stays in "doi", the identifier as given is kept here for export and links.
ALTER TABLE "Paper" ADD COLUMN "identifier" TEXT;

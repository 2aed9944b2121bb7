-- When a drainer took the row (null while it waits): the drainer holding the drainers' lock takes
-- rows a stopped drainer had claimed at once instead of after their lease.
ALTER TABLE "SearchOutbox" ADD COLUMN "claimedAt" TIMESTAMP(3);

-- Which job holds a segment's refresh: a retry of the same job (its worker was killed) may take the segment over
-- at once instead of waiting for the claim to go stale.
ALTER TABLE segments ADD COLUMN refresh_claim text;

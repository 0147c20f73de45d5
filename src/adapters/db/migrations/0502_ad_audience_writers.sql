-- One writer per audience, held in the database (issue 9: "parallel writes to one Google audience": Google answers
-- CONCURRENT_MODIFICATION). pg-boss singleton keys keep most duplicate jobs apart, but a resumed job, a new trigger
-- and a second worker can still meet; a run writes to the channel only while it holds its row here. Google is
-- claimed per ad account (every user list in it), the other channels per sync (its one audience).
-- A holder renews renewed_at while it runs; a row not renewed for a while belongs to a dead worker and may be taken.
CREATE TABLE ad_audience_writers (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  writer_key text NOT NULL,
  sync_id uuid NOT NULL REFERENCES ad_syncs(id) ON DELETE CASCADE,
  holder text NOT NULL,
  claimed_at timestamptz NOT NULL,
  renewed_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, writer_key)
);

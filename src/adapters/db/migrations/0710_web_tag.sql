-- Web tag (issue 11): one key per org, the visits it records, the org's own IP-range → company file, and the
-- register of privacy opt-out requests.

CREATE TABLE web_tag_keys (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  tag_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX web_tag_keys_key ON web_tag_keys (tag_key);

CREATE TABLE web_visits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  visitor_id text NOT NULL,
  url text NOT NULL,
  -- host + path of url: what "pages seen" counts.
  page text NOT NULL,
  referrer text,
  visited_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  ip text,
  -- Resolved through the org's IP-range file; NULL when no range holds the address.
  company_id text,
  company_name text
);
CREATE INDEX web_visits_org_time_idx ON web_visits (org_id, visited_at);
CREATE INDEX web_visits_org_company_idx ON web_visits (org_id, company_id, visited_at DESC);
CREATE INDEX web_visits_org_visitor_idx ON web_visits (org_id, visitor_id);

-- IPv4 ranges as integers (inclusive), imported by the org's admins; org-private, not part of the master.
CREATE TABLE web_ip_ranges (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  range_start bigint NOT NULL,
  range_end bigint NOT NULL CHECK (range_end >= range_start),
  company_name text NOT NULL,
  domain text,
  company_id text,
  PRIMARY KEY (org_id, range_start)
);

CREATE TABLE privacy_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email text,
  visitor_id text,
  received_at timestamptz NOT NULL,
  handled_at timestamptz,
  handled_by uuid REFERENCES users(id) ON DELETE SET NULL,
  -- What handling deleted, e.g. {"webVisits": 3, "crmContacts": 1, "crmLeads": 0}.
  deletion_summary jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR visitor_id IS NOT NULL)
);
CREATE INDEX privacy_requests_org_idx ON privacy_requests (org_id, received_at DESC);

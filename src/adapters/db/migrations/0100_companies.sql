-- The master company database: one shared, mastered list of companies (not per organisation: every
-- organisation's accounts are matched against the same companies), plus per-organisation matching state.
CREATE TABLE companies (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Registrable domain ("example.co.uk"), normalised on import; NULL when unknown.
  domain text,
  -- Further registrable domains of the same company (brands, country sites).
  other_domains text[] NOT NULL DEFAULT '{}',
  -- ISO 3166-1 alpha-2.
  country char(2),
  region text,
  city text,
  industry text,
  employee_range text,
  revenue_range text,
  -- Any further firmographics (founded year, tickers, parent id…).
  firmographics jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX companies_domain_idx ON companies (domain);
CREATE INDEX companies_country_idx ON companies (country);

-- Per-organisation additions to the built-in exclusion list (domains that never identify a company).
CREATE TABLE match_excluded_domains (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  domain text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, domain)
);

-- One matching run over a list (a CRM list, report or uploaded file), with its counts for the confirmation page.
CREATE TABLE match_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  input_rows integer NOT NULL DEFAULT 0,
  matched integer NOT NULL DEFAULT 0,
  unmatched integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  matched_at timestamptz
);
CREATE INDEX match_batches_org_idx ON match_batches (org_id, created_at DESC);

-- One row per input record, in input order: status, reason, score and up to three ranked candidates.
CREATE TABLE match_results (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  batch_id uuid NOT NULL REFERENCES match_batches(id) ON DELETE CASCADE,
  row_index integer NOT NULL,
  row_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('matched', 'duplicate', 'unmatched')),
  company_id text,
  score real,
  reason text CHECK (reason IN ('excluded_domain', 'missing_data', 'no_candidate', 'ambiguous', 'low_score')),
  candidates jsonb NOT NULL DEFAULT '[]'::jsonb,
  input_name text,
  input_domain text,
  input_country text,
  PRIMARY KEY (batch_id, row_index)
);
CREATE INDEX match_results_org_batch_status_idx ON match_results (org_id, batch_id, status);

-- Matching settings per organisation (issue 13). name_fallback_on_excluded_domain: a row whose domain is on the
-- exclusion list (a personal e-mail address) is matched on its name and country, the domain counting for nothing;
-- false restores the spec's behaviour (such rows stay "Unmatched Accounts": "The provided domain is on the exclusion
-- list."). No row for an organisation means the defaults.
CREATE TABLE match_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  name_fallback_on_excluded_domain boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- How a matched row was matched when the user should be told (MatchNote): name_country_fallback = its domain is on
-- the exclusion list and it was matched on name and country alone. NULL for other rows.
ALTER TABLE match_results ADD COLUMN note text CHECK (note IN ('name_country_fallback'));

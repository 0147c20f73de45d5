-- The instance operator (outside every organisation) creates and deactivates organisations; a deactivated
-- organisation's users and API keys are refused.
ALTER TABLE organizations ADD COLUMN is_active boolean NOT NULL DEFAULT true;
ALTER TABLE organizations ADD COLUMN deactivated_at timestamptz;

-- The master company database belongs to the instance (org_id NULL, written by the operator and the CLI).
-- A company with an org_id is that organisation's private company: matched for it alone, invisible to others.
ALTER TABLE companies ADD COLUMN org_id uuid REFERENCES organizations(id) ON DELETE CASCADE;
CREATE INDEX companies_private_idx ON companies (org_id, name) WHERE org_id IS NOT NULL;
CREATE INDEX companies_private_domain_idx ON companies (org_id, domain, country) WHERE org_id IS NOT NULL;

-- Failed log-ins per account (e-mail) and per client address, so repeated failures are slowed down before any
-- password hash is computed. Not a tenant table: it is read before anyone is known to belong to an organisation.
CREATE TABLE login_throttle (
  throttle_key text PRIMARY KEY,
  failure_count integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);

-- Google Ads needs a developer token on every call besides the user's OAuth tokens: the sign-in carries it (sealed,
-- AES-256-GCM like the client secret) from the start of the OAuth round trip to the stored connection.
ALTER TABLE ad_channel_oauth_states ADD COLUMN developer_token_sealed text;

-- Issue 12: a consent completes only for the person who started it (RFC 9700 section 4.7).
-- completion: how the person completing proves it ('browser', 'api' or 'caller'). Requests pending
-- before this migration are 'caller': only an application that authenticates the user completes them.
-- binding_hash: for 'browser', the SHA-256 (hex) of the random value in the starting browser's cookie;
-- the value itself is never stored.
-- parked_code: for 'api', once the provider came back, the authorization code sealed with the token
-- cipher (bound to the row), waiting under a fresh one-time handle (then state_hash is the handle's hash)
-- for the user's own completion.
ALTER TABLE oauth_states ADD COLUMN completion VARCHAR(16) DEFAULT 'caller' NOT NULL;
ALTER TABLE oauth_states ADD COLUMN binding_hash VARCHAR(64);
ALTER TABLE oauth_states ADD COLUMN parked_code VARCHAR;

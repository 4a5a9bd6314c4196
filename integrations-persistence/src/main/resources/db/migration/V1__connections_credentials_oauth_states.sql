-- Runs unchanged on H2 2.x and PostgreSQL 15: unquoted lower-case names, VARCHAR without a length
-- where a value has no natural bound, TIMESTAMP WITH TIME ZONE for every instant.

-- The status of each user's link to each integration. Never a secret.
CREATE TABLE connections (
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    connected_at        TIMESTAMP WITH TIME ZONE,
    last_sync           TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(64),
    last_error_message  VARCHAR,
    account_id          VARCHAR,
    account_name        VARCHAR,
    PRIMARY KEY (user_id, integration_type)
);

-- Credentials. access_token and refresh_token hold AES-256-GCM ciphertexts bound to their row and
-- column; scopes are space-separated and not secret. version moves forward by one on every write.
CREATE TABLE credentials (
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    access_token        VARCHAR      NOT NULL,
    refresh_token       VARCHAR,
    expires_at          TIMESTAMP WITH TIME ZONE,
    scopes              VARCHAR      NOT NULL,
    version             BIGINT       NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, integration_type)
);

-- Pending OAuth consents. The state itself is never stored: only its SHA-256 (hex). The PKCE
-- verifier is sealed with the token cipher, bound to the state hash.
CREATE TABLE oauth_states (
    state_hash          VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    code_verifier       VARCHAR      NOT NULL,
    redirect_uri        VARCHAR      NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);

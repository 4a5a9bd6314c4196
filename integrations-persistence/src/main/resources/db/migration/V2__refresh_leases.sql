-- Runs unchanged on H2 2.x and PostgreSQL 15.

-- Refresh leases: while a row exists and has not expired, its holder (one process) refreshes the
-- connection's credentials and every other process waits for it. A row is deleted when its holder
-- releases it; one left by a holder that died is taken over once expires_at has passed. Times are the
-- database's (CURRENT_TIMESTAMP), so the servers' clocks need not agree. Never a secret.
CREATE TABLE refresh_leases (
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    holder              VARCHAR(64)  NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, integration_type)
);

-- credentials.version: a new row now starts at a random version below 2^62 (chosen by the
-- application) and every write still adds one, so versions are never reused after a delete.

-- Runs unchanged on H2 2.x and PostgreSQL 15.

-- Idempotency keys: a call with side effects (a tool call that sends mail or a message) made under a
-- caller-chosen key, per user. The row is inserted before the call (outcome NULL: pending) and given the
-- call's outcome after it, so that a repeat of the key within the retention (24 hours) gets that outcome
-- instead of a second send. request_hash is a SHA-256 of what the call asked for; outcome is the JSON
-- answer the caller saw (ids of what was sent, never a credential). Times are the database's.
CREATE TABLE idempotency_keys (
    user_id         VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(128) NOT NULL,
    outcome         TEXT,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

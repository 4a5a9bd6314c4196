-- Runs unchanged on H2 2.x and PostgreSQL 15. Issue 16: connection health, the maintenance schedule,
-- and usage. Never a secret.

-- Each connection's health, and when the background maintenance looks at it next. connected_at names
-- the connection the row is about (connections.connected_at): a row about an earlier connection is
-- ignored and replaced. claimed_until: the maintenance of one process is checking the connection until
-- then (claimed with SELECT ... FOR UPDATE SKIP LOCKED); a claim left by a process that died runs out.
CREATE TABLE connection_health (
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    connected_at        TIMESTAMP WITH TIME ZONE,
    state               VARCHAR(32)  NOT NULL,
    failure_count       INTEGER      NOT NULL,
    first_failure       TIMESTAMP WITH TIME ZONE,
    last_success        TIMESTAMP WITH TIME ZONE,
    last_failure        TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(64),
    last_error_message  VARCHAR,
    next_check          TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, integration_type)
);

CREATE INDEX connection_health_next_check ON connection_health (next_check);

-- Connections made before this migration: healthy, or reauthorization_required when their status says
-- the provider refused the grant; due for a check at once.
INSERT INTO connection_health (user_id, integration_type, connected_at, state, failure_count, first_failure,
    last_success, last_failure, last_error, last_error_message, next_check)
SELECT user_id, integration_type, connected_at,
    CASE WHEN status = 'error' AND last_error IN ('reauthorization_required', 'missing_scopes', 'credentials_rejected')
        THEN 'reauthorization_required' ELSE 'healthy' END,
    CASE WHEN status = 'error' AND last_error IN ('reauthorization_required', 'missing_scopes', 'credentials_rejected')
        THEN 1 ELSE 0 END,
    NULL, last_sync, NULL, last_error, last_error_message, CURRENT_TIMESTAMP
FROM connections WHERE status <> 'disconnected';

-- Calls through each connection, per action and hour (UTC, the start of the hour); kept 30 days.
CREATE TABLE connection_usage (
    user_id             VARCHAR(255) NOT NULL,
    integration_type    VARCHAR(64)  NOT NULL,
    action              VARCHAR(64)  NOT NULL,
    bucket_hour         TIMESTAMP WITH TIME ZONE NOT NULL,
    calls               BIGINT       NOT NULL,
    failures            BIGINT       NOT NULL,
    last_use            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, integration_type, bucket_hour, action)
);

CREATE INDEX connection_usage_bucket_hour ON connection_usage (bucket_hour);

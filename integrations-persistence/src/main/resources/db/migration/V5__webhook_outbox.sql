-- Runs unchanged on H2 2.x and PostgreSQL 15.

-- Issue 16: the outbox of webhook deliveries. A row is written in the same transaction as the
-- connection change that caused its event (only while a webhook endpoint is configured), so an event is
-- kept exactly when its change is. id is the Standard Webhooks message id (the webhook-id header), the
-- same on every attempt. payload is the JSON body, signed and sent as it is: ids, type, status and
-- error code, never a token. status: pending, delivered, failed (gave up), disabled (the endpoint
-- answered 410 Gone). A dispatcher claims a due row by setting lease_holder and lease_until (the
-- database's clock), so at most one attempt of a row is in flight across every server; a lease left
-- by a server that died runs out and the row is claimed again. user_id is the user the event is about,
-- so that forgetting a user (users purge) forgets their deliveries too.
CREATE TABLE webhook_deliveries (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id             VARCHAR(255) NOT NULL,
    endpoint            VARCHAR      NOT NULL,
    event_type          VARCHAR(64)  NOT NULL,
    payload             VARCHAR      NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INTEGER      NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_holder        VARCHAR(64),
    lease_until         TIMESTAMP WITH TIME ZONE,
    last_status         INTEGER,
    last_answer         VARCHAR,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at);

-- Endpoints that answered 410 Gone: nothing more is sent to them until an operator replays a delivery.
CREATE TABLE webhook_disabled_endpoints (
    endpoint            VARCHAR      NOT NULL PRIMARY KEY,
    disabled_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason              VARCHAR      NOT NULL
);

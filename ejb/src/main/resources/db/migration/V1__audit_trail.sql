-- The audit trail: one row per audited action, never updated.
-- EclipseLink reads a sequence value as the top of a block of allocationSize ids, so every
-- sequence starts at its increment.
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(255)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    target         VARCHAR(1000),
    client_address VARCHAR(64),
    outcome        VARCHAR(20)   NOT NULL,
    detail         VARCHAR(2000)
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor);

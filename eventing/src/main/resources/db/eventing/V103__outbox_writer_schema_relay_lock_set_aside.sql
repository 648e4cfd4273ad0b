-- Upgrade-safe outbox: each row names the Avro schema its payload was written with (a SHA-256 of the schema's
-- JSON, the schema itself kept once in outbox_writer_schema), so the relay publishes it exactly as written,
-- whichever version of the service runs the relay. NULL on rows written before this column existed: those were
-- written with the event class of the running version.
ALTER TABLE outbox_event ADD COLUMN writer_schema VARCHAR(64);

CREATE TABLE outbox_writer_schema (
    fingerprint  VARCHAR(64)     PRIMARY KEY,
    schema_json  VARCHAR(100000) NOT NULL
);

-- One row, locked (SELECT ... FOR UPDATE SKIP LOCKED) by the relay that publishes a batch, for the length of that
-- batch's transaction: with N instances on one database one relay publishes at a time, in id order. A relay that
-- dies loses its connection and with it the lock (docs/decisions/0012-outbox-relay-at-n-instances.md).
CREATE TABLE outbox_relay_lock (
    name  VARCHAR(50) PRIMARY KEY
);
INSERT INTO outbox_relay_lock (name) VALUES ('relay');

-- Events that can never be published (too large, refused by the registry, not readable), set aside by the relay
-- with the reason, so they never block the events of other orders. Later events of the same key wait here too,
-- behind the first, so nothing of that order overtakes it.
CREATE TABLE outbox_set_aside (
    id             BIGINT        PRIMARY KEY,
    topic          VARCHAR(249)  NOT NULL,
    record_key     VARCHAR(255)  NOT NULL,
    event_type     VARCHAR(255)  NOT NULL,
    payload        BYTEA         NOT NULL,
    writer_schema  VARCHAR(64),
    trace_context  VARCHAR(2000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    set_aside_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR(2000) NOT NULL
);
CREATE INDEX outbox_set_aside_key ON outbox_set_aside (record_key);

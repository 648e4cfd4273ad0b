-- Dead letters replayed through the dead-letter API, one row per DLT record. Portable to H2 and PostgreSQL.
-- The row is written in the same transaction that waits for the re-published record's acknowledgement,
-- so a record is replayed at most once through the API (the primary key refuses a second replay).
CREATE TABLE dead_letter_replay (
    dlt_topic      VARCHAR(249) NOT NULL,
    dlt_partition  INTEGER      NOT NULL,
    dlt_offset     BIGINT       NOT NULL,
    replayed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);

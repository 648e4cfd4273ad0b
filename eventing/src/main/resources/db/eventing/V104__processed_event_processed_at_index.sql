-- The inbox purge (InboxPurge) deletes processed_event rows older than orderflow.inbox.retention in
-- small batches; without this index each batch would scan the whole table. Portable to H2 and PostgreSQL.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

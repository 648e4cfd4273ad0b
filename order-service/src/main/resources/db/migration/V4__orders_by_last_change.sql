-- The purge of settled orders (ADR 0021, when orderflow.retention.settled-orders is set) finds the
-- orders whose last change is oldest without reading the whole table.
create index orders_updated_at on orders (updated_at);

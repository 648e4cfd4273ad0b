-- The purge of settled orders (ADR 0021, when orderflow.retention.settled-orders is set) finds the
-- reservations whose last change is oldest without reading the whole table.
CREATE INDEX reservation_updated_at ON reservation (updated_at);

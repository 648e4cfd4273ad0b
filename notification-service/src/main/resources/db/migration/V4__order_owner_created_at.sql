-- When each order's owner was learnt, so that the purge of settled orders (ADR 0021, when
-- orderflow.retention.settled-orders is set) can forget it with the order's notifications. Rows
-- from before this migration get the time it ran.
ALTER TABLE order_owner ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX ix_order_owner_created ON order_owner (created_at);

-- A customer lists only their own orders (ADR 0016): newest first, without reading everyone else's.
create index orders_by_customer on orders (customer_id, created_at);

-- Idempotency-Key header of POST /api/orders: the key, a hash of the request it came with
-- and the order it created, so that a retry gets the same order and a reused key with a
-- different body is refused.
create table idempotency_key (
	idempotency_key varchar(200) not null primary key,
	request_hash    varchar(64)  not null,
	order_id        varchar(36)  not null references orders (id),
	created_at      timestamp with time zone not null
);

-- Orders, their lines and their history. Plain SQL types so that it runs on H2 and PostgreSQL.
create table orders (
	id               varchar(36)  not null primary key,
	customer_id      varchar(200) not null,
	customer_email   varchar(320) not null,
	status           varchar(20)  not null,
	reason           varchar(1000),
	cancel_requested boolean      not null,
	created_at       timestamp with time zone not null,
	updated_at       timestamp with time zone not null,
	version          bigint       not null
);

-- GET /api/orders lists the newest first, optionally of one status.
create index orders_created_at on orders (created_at);
create index orders_status_created_at on orders (status, created_at);

create table order_line (
	order_id varchar(36)  not null references orders (id),
	line_no  integer      not null,
	sku      varchar(100) not null,
	quantity integer      not null,
	primary key (order_id, line_no)
);

create table order_history (
	order_id    varchar(36) not null references orders (id),
	seq         integer     not null,
	status      varchar(20),
	event_name  varchar(50),
	occurred_at timestamp with time zone not null,
	source      varchar(20) not null,
	primary key (order_id, seq)
);

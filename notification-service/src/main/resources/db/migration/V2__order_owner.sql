-- Whose order each order id is, learnt from OrderPlaced (the only event naming the customer): a
-- customer reads and streams only the notifications and events of their own orders (ADR 0016).
create table order_owner (
	order_id    varchar(100) not null primary key,
	customer_id varchar(200) not null
);

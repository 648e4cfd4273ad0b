package dev.orderflow.notification.owner;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer of each order, in table {@code order_owner}, recorded from OrderPlaced.
 * Plain SQL that runs on both H2 and PostgreSQL; recording the same order again (a
 * redelivery) changes nothing.
 */
@Repository
public class OrderOwners {

	private final JdbcClient jdbc;

	OrderOwners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String orderId, String customerId) {
		this.jdbc.sql("""
				INSERT INTO order_owner (order_id, customer_id)
				SELECT :orderId, :customerId WHERE NOT EXISTS (SELECT 1 FROM order_owner WHERE order_id = :orderId)
				""").param("orderId", orderId).param("customerId", customerId).update();
	}

	/** The order's customer; empty for an order whose OrderPlaced was not read (yet). */
	public Optional<String> ownerOf(String orderId) {
		return this.jdbc.sql("SELECT customer_id FROM order_owner WHERE order_id = :orderId")
			.param("orderId", orderId)
			.query(String.class)
			.optional();
	}

}

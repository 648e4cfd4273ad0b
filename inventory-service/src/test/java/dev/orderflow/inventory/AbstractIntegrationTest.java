package dev.orderflow.inventory;

import java.util.UUID;

import dev.orderflow.inventory.stock.Inventory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on an in-memory H2 database and an embedded KRaft broker, with the
 * in-memory schema registry. Subclasses share one application context (and one broker),
 * and each works on SKUs and orders of its own.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:inventory-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.properties.schema.registry.url=" + AbstractIntegrationTest.SCHEMA_REGISTRY_URL,
		"orderflow.kafka.retry.max-attempts=2" })
@EmbeddedKafka(partitions = 3, topics = { "orders", "inventory" })
public abstract class AbstractIntegrationTest {

	protected static final String SCHEMA_REGISTRY_URL = "mock://inventory-service-test";

	@Autowired
	protected Inventory inventory;

	/** A SKU no other test uses, with {@code quantity} units available. */
	protected String newSku(String prefix, int quantity) {
		String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		inventory.restock(sku, quantity);
		return sku;
	}

}

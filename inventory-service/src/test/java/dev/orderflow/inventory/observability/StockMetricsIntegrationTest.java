package dev.orderflow.inventory.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.inventory.AbstractIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StockMetricsIntegrationTest extends AbstractIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	StockMetrics stockMetrics;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Test
	void gaugesFollowRestocksAndReservations() throws Exception {
		// "0-" sorts before every other SKU, so it is among the ones tagged by name
		String sku = newSku("0-METRICS", 10);
		String orderId = UUID.randomUUID().toString();
		this.kafka
			.send("orders", orderId,
					OrderPlaced.newBuilder()
						.setEventId(UUID.randomUUID())
						.setOrderId(orderId)
						.setOccurredAt(Instant.now())
						.setCustomerId("c-metrics")
						.setCustomerEmail("ada@example.com")
						.setLines(List.of(new OrderLine(sku, 3)))
						.build())
			.get();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			this.stockMetrics.refresh();
			assertThat(gauge("orderflow.stock.available", sku)).isEqualTo(7);
			assertThat(gauge("orderflow.stock.reserved", sku)).isEqualTo(3);
		});
		assertThat(this.meters.find("orderflow.stock.available").tag("sku", StockMetrics.OTHER).gauge()).isNotNull();
	}

	private double gauge(String name, String sku) {
		var gauge = this.meters.find(name).tag("sku", sku).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

}

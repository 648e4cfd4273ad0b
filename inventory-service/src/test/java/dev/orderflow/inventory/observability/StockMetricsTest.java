package dev.orderflow.inventory.observability;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.orderflow.inventory.stock.Stock;
import dev.orderflow.inventory.stock.Stocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class StockMetricsTest {

	@Test
	void skusBeyondTheLimitAreSummedAsOther() {
		Stocks stocks = mock(Stocks.class);
		given(stocks.findAll()).willReturn(List.of(new Stock("A", 5, 1, 0), new Stock("B", 6, 2, 0),
				new Stock("C", 7, 3, 0), new Stock("D", 8, 4, 0)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		StockMetrics metrics = new StockMetrics(stocks, registry, new StockMetricsProperties(2, Duration.ofSeconds(5)));

		metrics.refresh();

		assertThat(registry.find("orderflow.stock.available").gauges()).hasSize(3);
		assertThat(registry.get("orderflow.stock.available").tag("sku", "A").gauge().value()).isEqualTo(5);
		assertThat(registry.get("orderflow.stock.reserved").tag("sku", "B").gauge().value()).isEqualTo(2);
		assertThat(registry.get("orderflow.stock.available").tag("sku", "other").gauge().value()).isEqualTo(15);
		assertThat(registry.get("orderflow.stock.reserved").tag("sku", "other").gauge().value()).isEqualTo(7);
	}

}

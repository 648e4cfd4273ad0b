package dev.orderflow.inventory.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.support.BackgroundScheduler;
import dev.orderflow.inventory.stock.Stock;
import dev.orderflow.inventory.stock.Stocks;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code orderflow.stock.available} and {@code orderflow.stock.reserved} per SKU, read
 * from the stock table every {@code orderflow.metrics.stock-refresh}. Only the first
 * {@code orderflow.metrics.max-skus} SKUs are tagged by name; the others are summed as
 * {@code sku="other"}, which keeps the number of series bounded whatever the catalogue
 * holds.
 */
@Component
@EnableConfigurationProperties(StockMetricsProperties.class)
public class StockMetrics implements SmartLifecycle {

	static final String OTHER = "other";

	private static final Logger logger = LoggerFactory.getLogger(StockMetrics.class);

	private final Stocks stocks;

	private final StockMetricsProperties properties;

	private final MultiGauge available;

	private final MultiGauge reserved;

	private ScheduledExecutorService refresher;

	StockMetrics(Stocks stocks, MeterRegistry registry, StockMetricsProperties properties) {
		this.stocks = stocks;
		this.properties = properties;
		this.available = MultiGauge.builder("orderflow.stock.available")
			.description("Units of a SKU available to reserve (sku=other: the SKUs beyond orderflow.metrics.max-skus)")
			.register(registry);
		this.reserved = MultiGauge.builder("orderflow.stock.reserved")
			.description("Units of a SKU reserved for orders not yet cancelled")
			.register(registry);
	}

	/** Reads the stock table and replaces every series with what it holds now. */
	public void refresh() {
		List<Stock> all = this.stocks.findAll();
		this.available.register(rows(all, Stock::available), true);
		this.reserved.register(rows(all, Stock::reserved), true);
	}

	private List<MultiGauge.Row<?>> rows(List<Stock> all, java.util.function.ToIntFunction<Stock> value) {
		int max = Math.max(0, this.properties.maxSkus());
		List<MultiGauge.Row<?>> rows = new ArrayList<>(Math.min(all.size(), max) + 1);
		long other = 0;
		for (int i = 0; i < all.size(); i++) {
			Stock stock = all.get(i);
			if (i < max) {
				rows.add(MultiGauge.Row.of(Tags.of("sku", stock.sku()), value.applyAsInt(stock)));
			}
			else {
				other += value.applyAsInt(stock);
			}
		}
		// always present, so a query on sku="other" never comes back empty
		rows.add(MultiGauge.Row.of(Tags.of("sku", OTHER), other));
		return rows;
	}

	@Override
	public void start() {
		this.refresher = BackgroundScheduler.named("stock-metrics");
		long period = Math.max(100, this.properties.stockRefresh().toMillis());
		this.refresher.scheduleWithFixedDelay(this::safeRefresh, 0, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Once more when the application is ready: the initial stock is seeded by a runner,
	 * after the first scheduled refresh, and the gauges must show it from the first
	 * scrape, not a period later.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void refreshWhenReady() {
		safeRefresh();
	}

	private void safeRefresh() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// the database may be briefly unavailable: keep the last values, try again
			// next period
			logger.debug("Stock gauges not refreshed: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		if (this.refresher != null) {
			// not shutdownNow(): an interrupt that reaches a query on the embedded H2
			// database closes its file, and the database with it, for every request
			this.refresher.shutdown();
			this.refresher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.refresher != null;
	}

}

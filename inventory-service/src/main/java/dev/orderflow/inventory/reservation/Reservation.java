package dev.orderflow.inventory.reservation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.orderflow.inventory.stock.Stock;

/**
 * The stock held for one order. Holds every line or none: {@link #attempt} checks all
 * lines before it touches any stock, and {@link #cancel} gives back exactly what was
 * held.
 */
public final class Reservation {

	private final String orderId;

	private ReservationStatus status;

	private final List<ReservationLine> lines;

	private final Rejection rejection;

	Reservation(String orderId, ReservationStatus status, List<ReservationLine> lines, Rejection rejection) {
		this.orderId = orderId;
		this.status = status;
		this.lines = List.copyOf(lines);
		this.rejection = rejection;
	}

	/**
	 * Reserves every line of an order from {@code stocks} (the locked stock of its SKUs),
	 * or none of them when a SKU is unknown or short.
	 */
	public static Reservation attempt(String orderId, List<ReservationLine> lines, Map<String, Stock> stocks) {
		Rejection rejection = check(lines, stocks);
		if (rejection != null) {
			return new Reservation(orderId, ReservationStatus.REJECTED, lines, rejection);
		}
		totalsPerSku(lines).forEach((sku, quantity) -> stocks.get(sku).reserve(quantity.intValue()));
		return new Reservation(orderId, ReservationStatus.RESERVED, lines, null);
	}

	/**
	 * Records a cancel that came before its order, so the order can never reserve later.
	 */
	public static Reservation cancelledBeforeReservation(String orderId) {
		return new Reservation(orderId, ReservationStatus.CANCELLED_BEFORE_RESERVATION, List.of(), null);
	}

	/**
	 * Cancels the order: a reservation gives its lines back to {@code stocks} (the locked
	 * stock of {@link #skus()}); a rejected order had nothing to give back.
	 */
	public Cancellation cancel(Map<String, Stock> stocks) {
		return switch (status) {
			case RESERVED -> {
				totalsPerSku(lines).forEach((sku, quantity) -> stocks.get(sku).release(quantity.intValue()));
				status = ReservationStatus.RELEASED;
				yield new Cancellation.Released(lines);
			}
			case REJECTED -> new Cancellation.Released(List.of());
			case RELEASED, CANCELLED_BEFORE_RESERVATION -> new Cancellation.AlreadyAnswered();
		};
	}

	/** Whether this reservation currently takes stock away from available. */
	public boolean holdsStock() {
		return status == ReservationStatus.RESERVED;
	}

	/** The SKUs of the lines, sorted: the order in which their stock must be locked. */
	public Set<String> skus() {
		return skusOf(lines);
	}

	static Set<String> skusOf(List<ReservationLine> lines) {
		Set<String> skus = new TreeSet<>();
		lines.forEach((line) -> skus.add(line.sku()));
		return skus;
	}

	private static Rejection check(List<ReservationLine> lines, Map<String, Stock> stocks) {
		if (lines.isEmpty()) {
			return Rejection.invalidOrder("order has no lines", null);
		}
		for (ReservationLine line : lines) {
			if (line.quantity() <= 0) {
				return Rejection.invalidOrder("invalid quantity %d for SKU %s".formatted(line.quantity(), line.sku()),
						line.sku());
			}
		}
		Map<String, Long> totals = totalsPerSku(lines);
		for (String sku : totals.keySet()) {
			if (!stocks.containsKey(sku)) {
				return Rejection.unknownSku(sku);
			}
		}
		for (Map.Entry<String, Long> total : totals.entrySet()) {
			Stock stock = stocks.get(total.getKey());
			long shortfall = total.getValue() - stock.available();
			if (shortfall > 0) {
				return Rejection.insufficientStock(stock.sku(), total.getValue(), stock.available(),
						(int) Math.min(shortfall, Integer.MAX_VALUE));
			}
		}
		return null;
	}

	/**
	 * Quantities summed per SKU in line order, so two lines of one SKU are checked
	 * together.
	 */
	private static Map<String, Long> totalsPerSku(List<ReservationLine> lines) {
		Map<String, Long> totals = new LinkedHashMap<>();
		lines.forEach((line) -> totals.merge(line.sku(), (long) line.quantity(), Long::sum));
		return totals;
	}

	public String orderId() {
		return orderId;
	}

	public ReservationStatus status() {
		return status;
	}

	public List<ReservationLine> lines() {
		return lines;
	}

	public Optional<Rejection> rejection() {
		return Optional.ofNullable(rejection);
	}

}

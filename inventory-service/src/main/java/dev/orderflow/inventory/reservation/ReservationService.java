package dev.orderflow.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.inventory.stock.Stock;
import dev.orderflow.inventory.stock.Stocks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves and releases stock for orders, one transaction per call: lock the stock rows,
 * let {@link Reservation} decide, store the outcome and append the answer to the outbox
 * together.
 */
@Service
public class ReservationService {

	private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

	private final Stocks stocks;

	private final Reservations reservations;

	private final InventoryEvents events;

	ReservationService(Stocks stocks, Reservations reservations, InventoryEvents events) {
		this.stocks = stocks;
		this.reservations = reservations;
		this.events = events;
	}

	/**
	 * Reserves every line of the order or none and announces which. An order that already
	 * has a reservation record (replayed, or cancelled before it arrived) is left alone.
	 * @return the new reservation, or empty when the order had been handled before
	 */
	@Transactional
	public Optional<Reservation> reserve(String orderId, List<ReservationLine> lines) {
		Optional<Reservation> existing = reservations.lock(orderId);
		if (existing.isPresent()) {
			log.info("Order {} already has a reservation in status {}; not reserving again", orderId,
					existing.get().status());
			return Optional.empty();
		}
		Map<String, Stock> locked = stocks.lock(Reservation.skusOf(lines));
		Reservation reservation = Reservation.attempt(orderId, lines, locked);
		if (reservation.holdsStock()) {
			locked.values().forEach(stocks::update);
		}
		reservations.insert(reservation);
		events.answered(reservation);
		reservation.rejection()
			.ifPresentOrElse((rejection) -> log.info("Order {} rejected: {}", orderId, rejection.reason()),
					() -> log.info("Order {} reserved {}", orderId, lines));
		return Optional.of(reservation);
	}

	/**
	 * Cancels the order's reservation: gives back what it held and announces
	 * StockReleased (with no lines when nothing was held), so the order can reach
	 * CANCELLED.
	 */
	@Transactional
	public Cancellation cancel(String orderId) {
		Optional<Reservation> existing = reservations.lock(orderId);
		if (existing.isEmpty()) {
			// the order has not arrived (yet): remember the cancel so it can never
			// reserve later
			reservations.insert(Reservation.cancelledBeforeReservation(orderId));
			events.released(orderId, List.of());
			log.info("Order {} cancelled before any reservation", orderId);
			return new Cancellation.Released(List.of());
		}
		Reservation reservation = existing.get();
		Map<String, Stock> locked = reservation.holdsStock() ? stocks.lock(reservation.skus()) : Map.of();
		Cancellation cancellation = reservation.cancel(locked);
		if (cancellation instanceof Cancellation.Released released) {
			locked.values().forEach(stocks::update);
			reservations.updateStatus(reservation);
			events.released(orderId, released.lines());
			log.info("Order {} cancelled; released {}", orderId, released.lines());
		}
		return cancellation;
	}

}

package dev.orderflow.inventory.reservation;

import java.util.List;

/**
 * What cancelling an order did to its reservation.
 */
public sealed interface Cancellation {

	/**
	 * The order holds nothing any more; {@code lines} went back to available (empty when
	 * nothing had been reserved). Announced so the order can reach CANCELLED.
	 */
	record Released(List<ReservationLine> lines) implements Cancellation {

		public Released {
			lines = List.copyOf(lines);
		}

	}

	/** The cancel was already answered earlier; announce nothing again. */
	record AlreadyAnswered() implements Cancellation {
	}

}

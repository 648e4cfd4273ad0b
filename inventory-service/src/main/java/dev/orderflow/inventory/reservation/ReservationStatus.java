package dev.orderflow.inventory.reservation;

/**
 * Where the reservation of one order stands.
 */
public enum ReservationStatus {

	/** Every line is held: available was moved to reserved. */
	RESERVED,

	/** Nothing was held because at least one line could not be. */
	REJECTED,

	/** The order was cancelled and what it held went back to available. */
	RELEASED,

	/** The cancel arrived before the order: a late order must never take stock. */
	CANCELLED_BEFORE_RESERVATION;

}

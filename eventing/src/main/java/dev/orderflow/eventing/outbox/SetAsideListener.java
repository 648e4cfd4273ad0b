package dev.orderflow.eventing.outbox;

/**
 * What a service does when one of its events is set aside, e.g. order-service closes the
 * order with a reason the customer can read. Called inside the relay's transaction (in a
 * savepoint of its own), so the set-aside and its consequence commit together; a listener
 * that throws is logged and rolled back alone.
 */
@FunctionalInterface
public interface SetAsideListener {

	void eventSetAside(SetAsideEvent event);

}

package dev.orderflow.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

	@Test
	void placedOrderIsPendingWithOneHistoryStep() {
		Order order = order();

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.isCancelRequested()).isFalse();
		assertThat(order.history()).extracting(OrderHistoryEntry::status).containsExactly(OrderStatus.PENDING);
	}

	@Test
	void refusesAnOrderWithoutLinesOrWithTwoLinesForOneSku() {
		assertThatIllegalArgumentException().isThrownBy(() -> Order.place("c-1", "c@example.com", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> Order.place("c-1", "c@example.com",
				List.of(new OrderLine("SKU-1", 1), new OrderLine("SKU-1", 2))));
	}

	@Test
	void refusesALineWithAQuantityOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("SKU-1", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("SKU-1", OrderLine.MAX_QUANTITY + 1));
	}

	@Test
	void pendingOrderIsConfirmedWhenStockIsReserved() {
		Order order = order();

		assertThat(order.confirm()).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.history()).extracting(OrderHistoryEntry::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
	}

	@Test
	void pendingOrderWhoseOrderPlacedIsSetAsideIsRejectedAsNotProcessed() {
		Order order = order();

		assertThat(order.eventSetAside("OrderPlaced", "The message is 3612345 bytes")).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason())
			.isEqualTo("not processed: the order could not be passed on to inventory (The message is 3612345 bytes)");
		assertThat(order.history()).last().extracting(OrderHistoryEntry::source).isEqualTo(OrderHistoryEntry.OUTBOX);
	}

	@Test
	void confirmedOrderWhoseLaterEventIsSetAsideKeepsItsStatusAndRecordsIt() {
		Order order = order();
		order.confirm();

		assertThat(order.eventSetAside("OrderConfirmed", "refused by the registry")).isFalse();

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.history()).last().extracting(OrderHistoryEntry::event).isEqualTo("OrderConfirmedSetAside");
	}

	@Test
	void pendingOrderIsRejectedWithTheReason() {
		Order order = order();

		assertThat(order.reject("insufficient stock for SKU-1: short by 3")).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason()).isEqualTo("insufficient stock for SKU-1: short by 3");
	}

	@Test
	void confirmedOrderCannotBeConfirmedOrRejectedAgain() {
		Order order = order();
		order.confirm();

		assertThatThrownBy(order::confirm).isInstanceOf(IllegalOrderTransitionException.class);
		assertThatThrownBy(() -> order.reject("late")).isInstanceOf(IllegalOrderTransitionException.class);
	}

	@Test
	void cancelIsRequestedOnceAndCompletedWhenStockIsReleased() {
		Order order = order();
		order.confirm();

		assertThat(order.requestCancel()).isTrue();
		assertThat(order.requestCancel()).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);

		order.cancelled();

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.history()).extracting((step) -> (step.status() != null) ? step.status().name() : step.event())
			.containsExactly("PENDING", "CONFIRMED", "CancelRequested", "CANCELLED");
	}

	@Test
	void reservationThatRacesACancelLeavesTheOrderWaitingForTheRelease() {
		Order order = order();
		order.requestCancel();

		assertThat(order.confirm()).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

		order.cancelled();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void rejectionThatRacesACancelLeavesTheOrderWaitingForTheRelease() {
		Order order = order();
		order.requestCancel();

		assertThat(order.reject("no stock")).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.reason()).isNull();
	}

	@Test
	void rejectedOrCancelledOrderCannotBeCancelled() {
		Order rejected = order();
		rejected.reject("no stock");
		Order cancelled = order();
		cancelled.requestCancel();
		cancelled.cancelled();

		assertThatThrownBy(rejected::requestCancel).isInstanceOf(IllegalOrderTransitionException.class)
			.hasMessageContaining("REJECTED");
		assertThatThrownBy(cancelled::requestCancel).isInstanceOf(IllegalOrderTransitionException.class);
		assertThatThrownBy(cancelled::cancelled).isInstanceOf(IllegalOrderTransitionException.class);
	}

	@Test
	void releaseWithoutACancelRequestIsRefused() {
		Order order = order();
		order.confirm();

		assertThatThrownBy(order::cancelled).isInstanceOf(IllegalOrderTransitionException.class);
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
	}

	private static Order order() {
		return Order.place("customer-1", "customer-1@example.com",
				List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)));
	}

}

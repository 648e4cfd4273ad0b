package dev.orderflow.notification.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderRejected;

import org.springframework.stereotype.Component;

/**
 * Writes the e-mail a customer receives for each order outcome: a subject that says it
 * all and a body listing the facts of the event. The event's id is the e-mail's identity
 * ({@link Email#id()}): sent again after a lost acknowledgement, it is the same message.
 */
@Component
public class OrderEmails {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	// A reason comes from another service; keep the subject one readable header line.
	private static final int MAX_REASON_IN_SUBJECT = 120;

	public Email confirmed(OrderConfirmed event) {
		String body = """
				Hello,

				good news: your order %s is confirmed. We reserved:

				%s

				Confirmed at: %s
				Order id:     %s

				Thank you for your order.
				-- orderflow
				""".formatted(event.getOrderId(), lines(event.getLines()), timestamp(event.getOccurredAt()),
				event.getOrderId());
		return new Email(event.getCustomerEmail(), "Order " + event.getOrderId() + " confirmed", body,
				event.getEventId().toString());
	}

	public Email rejected(OrderRejected event) {
		String body = """
				Hello,

				we are sorry: your order %s was rejected.

				Reason:      %s
				Rejected at: %s
				Order id:    %s

				No stock is held for this order; you are welcome to place it again.
				-- orderflow
				""".formatted(event.getOrderId(), event.getReason(), timestamp(event.getOccurredAt()),
				event.getOrderId());
		return new Email(event.getCustomerEmail(),
				"Order " + event.getOrderId() + " rejected: " + oneLine(event.getReason()), body,
				event.getEventId().toString());
	}

	public Email cancelled(OrderCancelled event) {
		String body = """
				Hello,

				your order %s is cancelled, as you asked.

				Status before cancelling: %s
				Cancelled at:             %s
				Order id:                 %s

				Any stock reserved for this order is being released.
				-- orderflow
				""".formatted(event.getOrderId(), event.getPreviousStatus(), timestamp(event.getOccurredAt()),
				event.getOrderId());
		return new Email(event.getCustomerEmail(), "Order " + event.getOrderId() + " cancelled", body,
				event.getEventId().toString());
	}

	private static String lines(List<OrderLine> lines) {
		return lines.stream()
			.map((line) -> "  - " + line.getQuantity() + " x " + line.getSku())
			.collect(Collectors.joining("\n"));
	}

	private static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	// Line breaks in a header would fold it or, worse, inject headers.
	private static String oneLine(String text) {
		String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
		return (flat.length() <= MAX_REASON_IN_SUBJECT) ? flat : flat.substring(0, MAX_REASON_IN_SUBJECT - 3) + "...";
	}

}

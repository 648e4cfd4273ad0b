package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What {@code dlt list} prints for one service: its dead letters and the outbox events it
 * set aside, as tables a terminal can hold (long keys, class names and messages are
 * shortened).
 */
final class DeadLetterTables {

	private static final String ROW = "  %-28s %-38s %-24s %-8s %s%n";

	private static final String SET_ASIDE_ROW = "  %-10s %-38s %-16s %s%n";

	private final PrintStream out;

	DeadLetterTables(PrintStream out) {
		this.out = out;
	}

	void deadLetters(String service, List<Map<?, ?>> deadLetters) {
		this.out.println(service + ": " + deadLetters.size() + " dead letter(s)");
		if (deadLetters.isEmpty()) {
			return;
		}
		this.out.printf(ROW, "ID", "KEY", "FROM", "REPLAYED", "EXCEPTION");
		for (Map<?, ?> deadLetter : deadLetters) {
			this.out.printf(ROW, deadLetter.get("id"), text(deadLetter.get("key"), 38),
					deadLetter.get("originalTopic") + "-" + text(deadLetter.get("originalPartition"), 4) + "@"
							+ text(deadLetter.get("originalOffset"), 12),
					Boolean.TRUE.equals(deadLetter.get("replayed")) ? "yes" : "no", exception(deadLetter));
		}
	}

	/**
	 * The events the service's outbox set aside: they never reached a topic, so no DLT
	 * holds them.
	 */
	void setAside(String service, List<Map<?, ?>> events) {
		if (events.isEmpty()) {
			return;
		}
		this.out.println(service + ": " + events.size() + " outbox event(s) set aside, never published");
		this.out.printf(SET_ASIDE_ROW, "OUTBOX ID", "KEY", "EVENT", "REASON");
		for (Map<?, ?> event : events) {
			String type = text(event.get("eventType"), 200);
			this.out.printf(SET_ASIDE_ROW, event.get("id"), text(event.get("key"), 38),
					type.substring(type.lastIndexOf('.') + 1), text(event.get("reason"), 100).replaceAll("\\s+", " "));
		}
	}

	/** The exception's simple class name and the start of its message. */
	private static String exception(Map<?, ?> deadLetter) {
		String type = text(deadLetter.get("exceptionClass"), 200);
		String simple = type.substring(type.lastIndexOf('.') + 1);
		return simple + ": " + text(deadLetter.get("exceptionMessage"), 80).replaceAll("\\s+", " ");
	}

	private static String text(Object value, int max) {
		String text = (value != null) ? value.toString() : "-";
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}

package dev.orderflow.eventing.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The switches ({@code orderflow.bench.*}) with which {@code ./orderflow bench
 * --breakdown} measures what one guarantee costs, and their fence (ADR 0020). Each is off
 * by default, and each drops a guarantee silently where it is on, so switching one on is
 * not enough: the same configuration must also say that this is a benchmark stack
 * ({@code allow-unsafe-switches}). Otherwise this record cannot be bound and the service
 * does not start, naming the switch.
 *
 * @param allowUnsafeSwitches this is a benchmark stack: set by the bench's breakdown, by
 * nothing else
 * @param outboxDirectSend events go to Kafka when their transaction commits instead of
 * through the outbox table ({@link DirectSendOutbox}): a crash after the commit loses
 * them
 * @param inboxOff listeners neither record nor check processed events ({@link InboxOff}):
 * a redelivered event is applied again
 * @param emailOff notification-service records each notification as sent without talking
 * to the SMTP server: no customer gets an e-mail
 */
@ConfigurationProperties(BenchSwitches.PREFIX)
public record BenchSwitches(boolean allowUnsafeSwitches, boolean outboxDirectSend, boolean inboxOff, boolean emailOff) {

	/** The prefix of every switch. */
	public static final String PREFIX = "orderflow.bench";

	/** The setting that allows the others. */
	public static final String ALLOW = PREFIX + ".allow-unsafe-switches";

	public BenchSwitches {
		List<String> on = on(outboxDirectSend, inboxOff, emailOff);
		if (!on.isEmpty() && !allowUnsafeSwitches) {
			throw new IllegalStateException(String.join(", ", on)
					+ " drops a guarantee and is for the benchmark only (./orderflow bench --breakdown): refusing to"
					+ " start. A benchmark stack also sets " + ALLOW + "=true; anywhere else, remove the switch.");
		}
	}

	/**
	 * The names of the switches that are on, for the start-up warning and the health.
	 */
	public List<String> on() {
		return on(this.outboxDirectSend, this.inboxOff, this.emailOff);
	}

	private static List<String> on(boolean outboxDirectSend, boolean inboxOff, boolean emailOff) {
		List<String> on = new ArrayList<>();
		if (outboxDirectSend) {
			on.add(PREFIX + ".outbox-direct-send");
		}
		if (inboxOff) {
			on.add(PREFIX + ".inbox-off");
		}
		if (emailOff) {
			on.add(PREFIX + ".email-off");
		}
		return on;
	}

}

package dev.orderflow.eventing.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

/**
 * Carries the trace context across the outbox. The relay publishes from its own thread,
 * long after the HTTP request or the Kafka listener that stored the event has returned,
 * so the context is written into the outbox row as propagation headers (W3C
 * {@code traceparent}, plus {@code tracestate}/{@code baggage} when present) and restored
 * as the parent of the publication. One trace then spans HTTP → outbox → Kafka → the next
 * service.
 * <p>
 * Only the Observation API is used: with no tracer on the class path nothing is captured
 * and nothing is restored.
 */
public class OutboxTracing {

	/** No tracing: stores nothing, restores nothing. */
	public static final OutboxTracing NONE = new OutboxTracing(ObservationRegistry.NOOP);

	private static final int MAX_LENGTH = 2000;

	private final ObservationRegistry registry;

	public OutboxTracing(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The propagation headers of the current trace as they will be stored in the outbox
	 * row, or {@code null} when nothing is traced.
	 */
	public String capture(String topic) {
		if (this.registry.isNoop()) {
			return null;
		}
		SenderContext<Map<String, String>> context = new SenderContext<>(
				(carrier, key, value) -> carrier.put(key, value));
		context.setCarrier(new LinkedHashMap<>());
		context.setRemoteServiceName("outbox");
		Observation.createNotStarted("orderflow.outbox.append", () -> context, this.registry)
			.contextualName("outbox append " + topic)
			.lowCardinalityKeyValue("topic", topic)
			.start()
			.stop();
		String encoded = encode(context.getCarrier());
		return (encoded.isEmpty() || encoded.length() > MAX_LENGTH) ? null : encoded;
	}

	/**
	 * Runs {@code publication} as a child of the trace stored with the event, so the
	 * Kafka producer's own observation (and the consumer on the other side) join that
	 * trace.
	 */
	public <T> T restore(String stored, String topic, Supplier<T> publication) {
		if (stored == null || this.registry.isNoop()) {
			return publication.get();
		}
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
		context.setCarrier(decode(stored));
		context.setRemoteServiceName("outbox");
		return Observation.createNotStarted("orderflow.outbox.relay", () -> context, this.registry)
			.contextualName("outbox relay " + topic)
			.lowCardinalityKeyValue("topic", topic)
			.observe(publication);
	}

	static String encode(Map<String, String> headers) {
		return headers.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n"));
	}

	static Map<String, String> decode(String stored) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : stored.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				headers.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return headers;
	}

}

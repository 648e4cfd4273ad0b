package dev.orderflow.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.orderflow.order.web.OrderLimits;
import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's caps keep every order event far inside what a Kafka producer sends in one
 * record ({@code max.request.size}, 1 MiB by default), so a large order can no longer
 * block the outbox. The largest order the API accepts is built from the largest fields,
 * each character taking the most bytes UTF-8 gives a single UTF-16 unit (three), and
 * serialized as the producer does.
 */
class OrderEventSizeTest {

	static final int MAX_REQUEST_SIZE = 1024 * 1024;

	private final String scope = "order-event-size-" + UUID.randomUUID();

	@AfterEach
	void dropRegistry() {
		MockSchemaRegistry.dropScope(this.scope);
	}

	@Test
	void theLargestOrderTheApiAcceptsByDefaultMakesEventsUnderATenthOfTheRecordLimit() {
		Order order = largestOrder(OrderLimits.DEFAULT_MAX_LINES);
		order.confirm();

		assertThat(serialized(OrderEvents.placed(order))).isLessThan(MAX_REQUEST_SIZE / 10);
		assertThat(serialized(OrderEvents.confirmed(order))).isLessThan(MAX_REQUEST_SIZE / 10);
	}

	@Test
	void theHighestConfigurableLineCapStillMakesEventsUnderHalfTheRecordLimit() {
		Order order = largestOrder(OrderLimits.MAX_LINES_CEILING);

		assertThat(serialized(OrderEvents.placed(order))).isLessThan(MAX_REQUEST_SIZE / 2);
	}

	private static Order largestOrder(int lines) {
		List<OrderLine> orderLines = IntStream.range(0, lines)
			.mapToObj((i) -> new OrderLine(widest(OrderLine.MAX_SKU_LENGTH - 4) + "%04d".formatted(i),
					OrderLine.MAX_QUANTITY))
			.toList();
		// still an address, as OrderPlaced's contract (customerEmailIsAnAddress) requires
		String email = widest(Order.MAX_CUSTOMER_EMAIL_LENGTH - 2) + "@€";
		return Order.place(widest(Order.MAX_CUSTOMER_ID_LENGTH), email, orderLines);
	}

	/**
	 * {@code length} characters of three UTF-8 bytes each, the most a UTF-16 unit can
	 * take.
	 */
	private static String widest(int length) {
		return "€".repeat(length);
	}

	private int serialized(SpecificRecord event) {
		try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
			serializer.configure(Map.of("schema.registry.url", "mock://" + this.scope, "value.subject.name.strategy",
					"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);
			int size = serializer.serialize(OrderEvents.TOPIC, event).length;
			System.out.printf("%s with %s: %d bytes%n", event.getSchema().getName(), describe(event), size);
			return size;
		}
	}

	private static String describe(SpecificRecord event) {
		Object lines = event.get(event.getSchema().getField("lines").pos());
		return ((List<?>) lines).size() + " lines";
	}

}

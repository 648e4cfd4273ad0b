import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

/**
 * Lab 09's producer: sends one OrderPlaced straight to {@code orders}, with orderflow's serializer
 * configured as a service's is, except that it writes with the subject's latest version (so it
 * uses the rules registered last) and, with {@code --without-rules}, does not evaluate them.
 * <p>
 * {@code java -cp "dev-stack/target/lib/*" docs/labs/09-data-contracts/BadOrder.java --quantity 20 [--without-rules]}
 */
public class BadOrder {

	public static void main(String[] args) throws InterruptedException, IOException {
		int quantity = 20;
		boolean rules = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quantity" -> quantity = Integer.parseInt(args[++i]);
				case "--without-rules" -> rules = false;
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		OrderPlaced order = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setCustomerId("lab-09")
			.setCustomerEmail("lab-09@example.com")
			.setLines(List.of(new OrderLine("SKU-001", quantity)))
			.build();
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", "127.0.0.1:9092");
		config.put("schema.registry.url", "http://127.0.0.1:8081");
		config.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
		// what Confluent recommends for data contracts: write with the latest registered version and its rules
		config.put("auto.register.schemas", false);
		config.put("use.latest.version", true);
		config.put(KafkaAvroSerializer.RULES_ENABLED, rules);
		// the stack's broker signs clients in (docs/security.md): BadOrder uses the stack's admin credentials
		Path admin = Path.of(System.getenv().getOrDefault("ORDERFLOW_HOME", ".orderflow"), "config", "kafka-admin.properties");
		if (Files.exists(admin)) {
			Properties credentials = new Properties();
			try (Reader reader = Files.newBufferedReader(admin)) {
				credentials.load(reader);
			}
			credentials.forEach((name, value) -> config.put((String) name, value));
		}
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(config, false);
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
			producer.send(new ProducerRecord<>("orders", order.getOrderId(), order)).get();
			System.out.println("sent OrderPlaced " + order.getOrderId() + " (quantity " + quantity + ")"
					+ (rules ? "" : " without evaluating the rules"));
		}
		catch (SerializationException ex) {
			System.out.println("refused at the producer: " + ex.getMessage());
		}
		catch (ExecutionException ex) {
			System.out.println("refused: " + ex.getCause().getMessage());
		}
	}

}

package dev.orderflow.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.MockSchemaRegistry;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleMode;
import dev.orderflow.schemaregistry.rules.RuleSet;
import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

/**
 * A serializer's DLQ action on a real (embedded) broker: the record a WRITE rule refuses
 * goes to {@code <topic>.DLT} with Confluent's {@code __rule.*} headers before the send
 * fails.
 */
class RuleDeadLetterIntegrationTest extends AbstractEventingIntegrationTest {

	private static final String TOPIC = TransactionalBatchIntegrationTest.TOPIC;

	private static final Schema PARCEL = SchemaBuilder.record("Parcel")
		.namespace("dev.orderflow.eventing.test")
		.fields()
		.requiredString("id")
		.requiredInt("weightGrams")
		.endRecord();

	@Test
	void aRecordRefusedByAWriteRuleWithDlqGoesToTheDeadLetterTopicWithTheRuleInItsHeaders() throws Exception {
		String rule = "weightPositive" + UUID.randomUUID().toString().substring(0, 8);
		MockSchemaRegistry.getClientForScope("eventing-test")
			.register(TOPIC + "-" + PARCEL.getFullName(), PARCEL.toString(), false,
					new DataContract(null, new RuleSet(null,
							List.of(Rule.condition(rule, RuleMode.WRITE, "message.weightGrams > 0", "DLQ")))));
		Map<String, Object> configs = Map.of("bootstrap.servers", this.broker.getBrokersAsString(),
				"schema.registry.url", "mock://eventing-test", "value.subject.name.strategy",
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
		KafkaAvroSerializer serializer = new KafkaAvroSerializer();
		serializer.configure(configs, false);
		GenericRecord empty = new GenericData.Record(PARCEL);
		empty.put("id", "parcel-1");
		empty.put("weightGrams", 0);

		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(configs, new StringSerializer(),
				serializer)) {
			assertThatExceptionOfType(RuleConditionException.class)
				.isThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "parcel-1", empty)))
				.withMessageContaining("Rule '" + rule + "'");
		}

		ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(rule);
		assertThat(header(deadLetter, "__rule.mode")).isEqualTo("WRITE");
		assertThat(header(deadLetter, "__rule.subject")).isEqualTo(TOPIC + "-" + PARCEL.getFullName());
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		// the record as it would have been written: Confluent's wire format, replayable
		assertThat(deadLetter.value()[0]).isZero();
	}

	private ConsumerRecord<String, byte[]> deadLetterOf(String rule) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", this.broker.getBrokersAsString(), "group.id",
						"rule-dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(TOPIC + ".DLT"));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (rule.equals(header(record, "__rule.name"))) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}

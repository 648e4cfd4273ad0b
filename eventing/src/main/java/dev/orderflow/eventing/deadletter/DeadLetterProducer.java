package dev.orderflow.eventing.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.orderflow.schemaregistry.serde.KafkaAvroSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The producer that writes dead letters. It must write two kinds of value: the raw bytes
 * of a poison pill that never deserialized, and an Avro event whose processing failed, so
 * it picks the serializer by the value's type. An event is serialized under its original
 * topic's subject ({@link OriginalTopicSerializer}), so dead letters need no subject of
 * their own in the registry and publish with production's
 * {@code auto.register.schemas=false}. Kept out of the application context as a template
 * so it does not replace the application's own {@code KafkaTemplate}.
 */
public class DeadLetterProducer implements DisposableBean {

	private final DefaultKafkaProducerFactory<Object, Object> factory;

	private final KafkaTemplate<Object, Object> template;

	public DeadLetterProducer(Map<String, Object> producerConfig) {
		Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
		values.put(byte[].class, new ByteArraySerializer());
		KafkaAvroSerializer avro = new KafkaAvroSerializer();
		avro.configure(producerConfig, false);
		values.put(Object.class, new OriginalTopicSerializer(avro));
		Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
		keys.put(byte[].class, new ByteArraySerializer());
		keys.put(Object.class, new StringSerializer());
		this.factory = new DefaultKafkaProducerFactory<>(producerConfig, new DelegatingByTypeSerializer(keys, true),
				new DelegatingByTypeSerializer(values, true));
		this.template = new KafkaTemplate<>(this.factory);
	}

	public KafkaTemplate<Object, Object> template() {
		return this.template;
	}

	@Override
	public void destroy() {
		this.factory.destroy();
	}

}

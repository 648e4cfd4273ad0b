package dev.orderflow.eventing.deadletter;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Re-publishes dead letters byte for byte. The application's template serializes Avro
 * objects; a replay must send the original bytes unchanged, so it has a byte[] producer
 * of its own, built from the same producer configuration (acks, idempotence) like
 * {@link DeadLetterProducer}.
 */
class ReplayProducer implements DisposableBean {

	private final DefaultKafkaProducerFactory<byte[], byte[]> factory;

	private final KafkaTemplate<byte[], byte[]> template;

	ReplayProducer(Map<String, Object> producerConfig) {
		this.factory = new DefaultKafkaProducerFactory<>(producerConfig, new ByteArraySerializer(),
				new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.factory);
	}

	/**
	 * The client configuration it publishes with (which principal it signs in as, among
	 * others).
	 */
	Map<String, Object> configuration() {
		return this.factory.getConfigurationProperties();
	}

	/** Sends and waits for the broker's acknowledgement. */
	void send(ProducerRecord<byte[], byte[]> record, long timeoutMillis) {
		try {
			this.template.send(record).get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLettersUnavailableException("interrupted while replaying to " + record.topic(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DeadLettersUnavailableException("cannot replay to " + record.topic() + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void destroy() {
		this.factory.destroy();
	}

}

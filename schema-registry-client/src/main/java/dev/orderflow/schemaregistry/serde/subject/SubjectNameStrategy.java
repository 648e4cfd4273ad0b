package dev.orderflow.schemaregistry.serde.subject;

import org.apache.avro.Schema;

/**
 * Decides the registry subject a record's schema is registered under, as Confluent's
 * {@code io.confluent.kafka.serializers.subject.strategy.SubjectNameStrategy} does.
 * Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface SubjectNameStrategy {

	/**
	 * @param topic the record's topic
	 * @param isKey whether the key (rather than the value) is serialized
	 * @param schema the schema of the data being serialized
	 */
	String subjectName(String topic, boolean isKey, Schema schema);

}

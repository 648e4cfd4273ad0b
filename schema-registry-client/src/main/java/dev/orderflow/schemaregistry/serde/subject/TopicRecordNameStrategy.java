package dev.orderflow.schemaregistry.serde.subject;

import org.apache.avro.Schema;

/**
 * Subject {@code <topic>-<record full name>}, e.g.
 * {@code orders-dev.orderflow.events.OrderPlaced}: several event types share a topic (so
 * one order's events stay ordered on one partition), each with its own schema lineage.
 * orderflow's choice.
 */
public class TopicRecordNameStrategy implements SubjectNameStrategy {

	@Override
	public String subjectName(String topic, boolean isKey, Schema schema) {
		return topic + "-" + RecordNameStrategy.recordName(schema, getClass().getSimpleName());
	}

}

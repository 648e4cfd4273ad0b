package dev.orderflow.schemaregistry.serde.subject;

import org.apache.avro.Schema;

/**
 * Subject {@code <record full name>}: one schema lineage per record type, whatever topic
 * it is written to.
 */
public class RecordNameStrategy implements SubjectNameStrategy {

	@Override
	public String subjectName(String topic, boolean isKey, Schema schema) {
		return recordName(schema, getClass().getSimpleName());
	}

	static String recordName(Schema schema, String strategy) {
		return switch (schema.getType()) {
			case RECORD, ENUM, FIXED -> schema.getFullName();
			default -> throw new IllegalArgumentException(
					strategy + " needs a named Avro schema (record, enum or fixed), not " + schema.getType());
		};
	}

}

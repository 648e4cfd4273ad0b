package dev.orderflow.eventing.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Stores an event in the outbox as plain Avro binary of its generated class; the row
 * names the schema it was written with ({@link WriterSchemas}), so no registry call is
 * needed at commit time: the schema id is looked up only when the relay publishes
 * ({@link OutboxRecords}).
 */
final class OutboxPayloads {

	private OutboxPayloads() {
	}

	static byte[] encode(SpecificRecord event) {
		Schema schema = event.getSchema();
		// the class's own model carries the logical-type conversions (UUID, Instant) of
		// its fields
		SpecificData model = SpecificData.getForClass(event.getClass());
		SpecificDatumWriter<SpecificRecord> writer = new SpecificDatumWriter<>(schema, model);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		try {
			writer.write(event, encoder);
			encoder.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode " + event.getClass().getName(), ex);
		}
		return out.toByteArray();
	}

	/**
	 * The schema of the generated class named {@code eventType}, for rows that do not
	 * name their writer schema.
	 */
	static Schema classSchema(String eventType) {
		try {
			Class<?> type = loadEventClass(eventType);
			return SpecificData.getForClass(type).getSchema(type);
		}
		catch (IllegalStateException ex) {
			throw new UnpublishableEventException(ex.getMessage(), ex);
		}
	}

	private static Class<?> loadEventClass(String eventType) {
		try {
			Class<?> type = Class.forName(eventType, true, OutboxPayloads.class.getClassLoader());
			if (!SpecificRecord.class.isAssignableFrom(type)) {
				throw new IllegalStateException(eventType + " is not an Avro SpecificRecord");
			}
			return type;
		}
		catch (ClassNotFoundException ex) {
			// Thread context class loader: Spring Boot's fat-jar loader holds the
			// application classes
			try {
				return Class.forName(eventType, true, Thread.currentThread().getContextClassLoader());
			}
			catch (ClassNotFoundException again) {
				throw new IllegalStateException("Unknown event type in outbox: " + eventType, again);
			}
		}
	}

}

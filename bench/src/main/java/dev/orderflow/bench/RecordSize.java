package dev.orderflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orderflow.events.OrderLine;
import dev.orderflow.events.OrderPlaced;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The size of the OrderPlaced record the bench's orders produce, on the wire: Confluent's
 * 5-byte header (magic byte, schema id) plus the Avro binary body. The raw relay sends
 * records of this size.
 */
final class RecordSize {

	private static final int WIRE_HEADER = 5;

	private RecordSize() {
	}

	static int ofBenchOrderPlaced() {
		OrderPlaced event = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID().toString())
			.setOccurredAt(Instant.now())
			.setCustomerId("bench-100000")
			.setCustomerEmail("bench@orderflow.test")
			.setLines(List.of(OrderLine.newBuilder().setSku("BENCH-001").setQuantity(1).build()))
			.build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
		try {
			new SpecificDatumWriter<>(OrderPlaced.class).write(event, encoder);
			encoder.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return WIRE_HEADER + out.size();
	}

}

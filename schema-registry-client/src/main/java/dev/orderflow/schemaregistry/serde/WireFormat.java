package dev.orderflow.schemaregistry.serde;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian
 * int, then the Avro binary encoding of the data.
 */
final class WireFormat {

	static final byte MAGIC_BYTE = 0x0;

	static final int ID_SIZE = 4;

	static final int HEADER_SIZE = 1 + ID_SIZE;

	private WireFormat() {
	}

}

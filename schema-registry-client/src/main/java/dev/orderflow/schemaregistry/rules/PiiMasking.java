package dev.orderflow.schemaregistry.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Hides personal data where people read records: a field tagged {@value #PII} in its
 * schema version's metadata ({@code {"tags": {"OrderPlaced.customerEmail": ["PII"]}}}, or
 * {@code **.customerEmail} for a field of any record) is shown as {@value #MASK}. For
 * free text (log messages, exception messages), {@link #maskEmails} hides every e-mail
 * address.
 */
public final class PiiMasking {

	public static final String PII = "PII";

	public static final String MASK = "****";

	private static final Pattern EMAIL = Pattern.compile("[^\\s@\"'<>(),;:]+@([^\\s@\"'<>(),;:]+)");

	private PiiMasking() {
	}

	/**
	 * A copy of the record whose PII-tagged fields (at any depth) hold {@value #MASK};
	 * the record itself is unchanged.
	 */
	public static GenericRecord masked(GenericRecord record, Metadata metadata) {
		if (metadata == null || metadata.tags().isEmpty()) {
			return record;
		}
		GenericRecord copy = (GenericRecord) GenericData.get().deepCopy(record.getSchema(), record);
		mask(copy, metadata);
		return copy;
	}

	/**
	 * Whether the metadata tags that field of that record {@value #PII}
	 * ({@link FieldTags}: {@code OrderPlaced.customerEmail}, {@code **.customerEmail},
	 * ...).
	 */
	public static boolean isPii(Metadata metadata, Schema record, String field) {
		Schema.Field known = record.getField(field);
		return known != null && FieldTags.of(metadata, record, known).contains(PII);
	}

	/** The text with every e-mail address replaced by {@value #MASK}{@code @domain}. */
	public static String maskEmails(String text) {
		return (text != null) ? EMAIL.matcher(text).replaceAll(MASK + "@$1") : null;
	}

	private static void mask(GenericRecord record, Metadata metadata) {
		for (Schema.Field field : record.getSchema().getFields()) {
			Object value = record.get(field.pos());
			if (value == null) {
				continue;
			}
			if (isPii(metadata, record.getSchema(), field.name())) {
				record.put(field.pos(), maskedValue(value));
			}
			else {
				maskNested(value, metadata);
			}
		}
	}

	private static void maskNested(Object value, Metadata metadata) {
		if (value instanceof GenericRecord nested) {
			mask(nested, metadata);
		}
		else if (value instanceof List<?> list) {
			new ArrayList<>(list).forEach((element) -> maskNested(element, metadata));
		}
	}

	private static Object maskedValue(Object value) {
		// a string keeps its type; other values (numbers, records) cannot hold the mask
		// and are dropped
		return (value instanceof CharSequence) ? MASK : null;
	}

}

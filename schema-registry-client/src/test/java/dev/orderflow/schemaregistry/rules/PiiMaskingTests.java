package dev.orderflow.schemaregistry.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class PiiMaskingTests {

	private static final Schema RECIPIENT = SchemaBuilder.record("Recipient")
		.fields()
		.requiredString("name")
		.requiredString("phone")
		.endRecord();

	private static final Schema LETTER = SchemaBuilder.record("Letter")
		.namespace("dev.orderflow.test")
		.fields()
		.requiredString("recipientEmail")
		.requiredInt("stamps")
		.name("recipients")
		.type()
		.array()
		.items(RECIPIENT)
		.noDefault()
		.endRecord();

	@Test
	void masksTaggedFieldsAtAnyDepthAndLeavesTheRecordAsItWas() {
		GenericRecord letter = letter();
		Metadata metadata = new Metadata(new TreeMap<>(Map.of("Letter.recipientEmail", new TreeSet<>(List.of("PII")),
				"**.phone", new TreeSet<>(List.of("PII")))), null, null);

		String shown = PiiMasking.masked(letter, metadata).toString();

		assertThat(shown).contains("\"recipientEmail\": \"****\"", "\"phone\": \"****\"", "\"name\": \"Ada\"",
				"\"stamps\": 2");
		assertThat(shown).doesNotContain("ada@example.org", "+44 20");
		assertThat(letter.get("recipientEmail")).isEqualTo("ada@example.org");
	}

	@Test
	void masksEveryEmailAddressInFreeText() {
		assertThat(PiiMasking
			.maskEmails("Cannot e-mail ada@example.org about order 42: bounced (to bob.smith@mail.example.com)"))
			.isEqualTo("Cannot e-mail ****@example.org about order 42: bounced (to ****@mail.example.com)");
	}

	private static GenericRecord letter() {
		GenericRecord recipient = new GenericData.Record(RECIPIENT);
		recipient.put("name", "Ada");
		recipient.put("phone", "+44 20 7946 0000");
		GenericRecord letter = new GenericData.Record(LETTER);
		letter.put("recipientEmail", "ada@example.org");
		letter.put("stamps", 2);
		letter.put("recipients", List.of(recipient));
		return letter;
	}

}

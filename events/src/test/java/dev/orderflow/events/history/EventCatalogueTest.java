package dev.orderflow.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.orderflow.events.history.SchemaHistoryCompatibilityTest.AVRO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the generated event catalogue true: {@code docs/events.md} and the AsyncAPI
 * document must be what {@link EventCatalogue} generates from the current schemas. When
 * they are stale, the test fails and says how to regenerate them; run with
 * {@code -Dorderflow.regenerate=true} it rewrites them instead.
 */
class EventCatalogueTest {

	static final Path MARKDOWN = Path.of("../docs/events.md");

	static final Path ASYNCAPI = Path.of("src/main/resources/META-INF/resources/asyncapi.yaml");

	private static final String REGENERATE = "./mvnw -pl events test -Dtest=EventCatalogueTest -Dorderflow.regenerate=true";

	private static EventCatalogue catalogue;

	@BeforeAll
	static void generate() throws IOException {
		catalogue = new EventCatalogue(EventSchemas.load(AVRO));
		if (Boolean.getBoolean("orderflow.regenerate")) {
			Files.createDirectories(ASYNCAPI.getParent());
			Files.writeString(MARKDOWN, catalogue.markdown());
			Files.writeString(ASYNCAPI, catalogue.asyncApi());
		}
	}

	@Test
	void eventsMarkdownIsUpToDate() throws IOException {
		assertThat(MARKDOWN).as("docs/events.md is missing: run " + REGENERATE).exists();
		assertThat(Files.readString(MARKDOWN))
			.as("docs/events.md is stale (an .avsc changed): regenerate it with " + REGENERATE)
			.isEqualTo(catalogue.markdown());
	}

	@Test
	void asyncApiDocumentIsUpToDate() throws IOException {
		assertThat(ASYNCAPI).as(ASYNCAPI + " is missing: run " + REGENERATE).exists();
		assertThat(Files.readString(ASYNCAPI))
			.as(ASYNCAPI + " is stale (an .avsc changed): regenerate it with " + REGENERATE)
			.isEqualTo(catalogue.asyncApi());
	}

	@Test
	void asyncApiListsEveryTopicAndEveryEvent() {
		String document = catalogue.asyncApi();

		assertThat(channelAddresses(document)).containsExactlyInAnyOrder("orders", "inventory", "orders.DLT",
				"inventory.DLT");
		assertThat(catalogue.events()).extracting(Schema::getName)
			.containsExactlyInAnyOrder("OrderPlaced", "OrderCancelled", "OrderConfirmed", "OrderRejected",
					"StockReserved", "StockRejected", "StockReleased");
		for (Schema event : catalogue.events()) {
			String topic = EventCatalogue.topicOf(event);
			assertThat(document).as(event.getName())
				.contains("    " + event.getName() + ":\n      name: " + event.getName() + "\n")
				.contains("x-subject: '" + EventSchemas.subjectOf(event) + "'")
				.contains("$ref: '#/channels/" + topic + "/messages/" + event.getName() + "'")
				.contains("$ref: '#/channels/" + EventCatalogue.channelId(topic + ".DLT") + "/messages/"
						+ event.getName() + "'")
				.contains("schema: " + event);
		}
	}

	@Test
	void markdownDocumentsEveryFieldWithItsDoc() {
		String markdown = catalogue.markdown();

		for (Schema event : catalogue.events()) {
			assertThat(markdown).contains("## " + event.getName() + "\n\n" + event.getDoc(),
					"- subject: `" + EventSchemas.subjectOf(event) + "`");
			for (Schema.Field field : event.getFields()) {
				assertThat(markdown).contains("| `" + field.name() + "` | " + EventCatalogue.typeOf(field) + " | ");
			}
		}
		assertThat(markdown).contains("### OrderLine", "### StockRejectionCode", "| `eventId` | string (uuid) |",
				"| `occurredAt` | long (timestamp-millis) |", "| `sku` | null or string, default `null` |");
	}

	@Test
	void markdownSaysWhatARuleIsWhenItIsNoCelConditionOverTheMessage() {
		String markdown = catalogue.markdown();

		assertThat(markdown)
			.contains("| `piiWithinLength` | WRITEREAD | ERROR,DLQ | CEL_FIELD CONDITION on fields "
					+ "tagged PII: `typeName == 'STRING' ; size(value) <= 320` |")
			.contains("| `linesNotEmpty` | WRITEREAD | ERROR,DLQ | `size(message.lines) > 0` |");
	}

	private static List<String> channelAddresses(String document) {
		Matcher matcher = Pattern.compile("(?m)^    address: '([^']+)'$").matcher(document);
		List<String> addresses = new ArrayList<>();
		while (matcher.find()) {
			addresses.add(matcher.group(1));
		}
		return addresses;
	}

}

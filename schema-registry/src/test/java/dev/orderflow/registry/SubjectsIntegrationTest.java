package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.ints;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orderflow.registry.RegistryHttp.Response;

class SubjectsIntegrationTest extends AbstractRegistryIntegrationTest {

	private static final String USER = record("User", field("id", "string"));

	private static final String USER_V2 = record("User", field("id", "string"), field("email", "string", ""));

	@Test
	void registersLooksUpAndReRegistersIdempotently() {
		String subject = subject("users");
		Response registered = this.http.post("/subjects/" + subject + "/versions", body(USER));
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.contentType()).startsWith(RegistryHttp.V1_JSON);
		int id = registered.body().get("id").asInt();

		// Whitespace differs, the parsed schema does not: same id, no new version.
		String spaced = USER.replace(",", " ,\n ");
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(spaced)).body().get("id").asInt())
			.isEqualTo(id);
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions").body())).containsExactly(1);

		Response lookup = this.http.post("/subjects/" + subject, body(spaced));
		assertThat(lookup.status()).isEqualTo(200);
		assertThat(lookup.body().get("subject").asString()).isEqualTo(subject);
		assertThat(lookup.body().get("id").asInt()).isEqualTo(id);
		assertThat(lookup.body().get("version").asInt()).isEqualTo(1);
		assertThat(lookup.body().get("schema").asString()).isEqualTo(USER);
	}

	@Test
	void reusesSchemaIdsAcrossSubjects() {
		String first = subject("a");
		String second = subject("b");
		int id = this.http.post("/subjects/" + first + "/versions", body(USER)).body().get("id").asInt();
		int other = this.http.post("/subjects/" + second + "/versions", body(USER)).body().get("id").asInt();
		assertThat(other).isEqualTo(id);

		Response byId = this.http.get("/schemas/ids/" + id);
		assertThat(byId.body().get("schema").asString()).isEqualTo(USER);
		assertThat(byId.body().has("schemaType")).isFalse();
		assertThat(this.http.get("/schemas/ids/" + id + "/schema").body().get("name").asString()).isEqualTo("User");
		assertThat(this.http.get("/schemas/ids/" + id + "/versions").text()).contains(
				"{\"subject\":\"" + first + "\",\"version\":1}", "{\"subject\":\"" + second + "\",\"version\":1}");
		assertThat(this.http.get("/subjects").text()).contains(first, second);
	}

	@Test
	void servesVersionsByNumberAndLatest() {
		String subject = subject("versions");
		this.http.post("/subjects/" + subject + "/versions", body(USER));
		int v2Id = this.http.post("/subjects/" + subject + "/versions", body(USER_V2)).body().get("id").asInt();

		Response latest = this.http.get("/subjects/" + subject + "/versions/latest");
		assertThat(latest.body().get("version").asInt()).isEqualTo(2);
		assertThat(latest.body().get("id").asInt()).isEqualTo(v2Id);
		assertThat(this.http.get("/subjects/" + subject + "/versions/-1").body().get("version").asInt()).isEqualTo(2);
		assertThat(this.http.get("/subjects/" + subject + "/versions/1").body().get("schema").asString())
			.isEqualTo(USER);
		assertThat(this.http.get("/subjects/" + subject + "/versions/2/schema").body().get("fields").size())
			.isEqualTo(2);
		assertThat(this.http.get("/subjects/" + subject + "/versions/1/referencedby").text()).isEqualTo("[]");
	}

	@Test
	void normalizesKeyOrderWhenAsked() {
		String subject = subject("normalize");
		String reordered = "{\"fields\":[{\"type\":\"string\",\"name\":\"id\"}],\"name\":\"User\",\"namespace\":\"test\",\"type\":\"record\"}";
		int id = this.http.post("/subjects/" + subject + "/versions?normalize=true", body(USER))
			.body()
			.get("id")
			.asInt();
		Response again = this.http.post("/subjects/" + subject + "/versions?normalize=true", body(reordered));
		assertThat(again.body().get("id").asInt()).isEqualTo(id);
		assertThat(this.http.post("/subjects/" + subject + "?normalize=true", body(reordered)).status()).isEqualTo(200);
	}

	@Test
	void softDeletesThenPermanentlyDeletesASubject() {
		String subject = subject("delete");
		int id = this.http.post("/subjects/" + subject + "/versions", body(USER)).body().get("id").asInt();
		this.http.post("/subjects/" + subject + "/versions", body(USER_V2));

		assertThat(this.http.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
		assertThat(ints(this.http.delete("/subjects/" + subject).body())).containsExactly(1, 2);
		assertThat(this.http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
		assertThat(this.http.get("/subjects").text()).doesNotContain(subject);
		assertThat(this.http.get("/subjects?deleted=true").text()).contains(subject);
		assertThat(this.http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions?deleted=true").body())).containsExactly(1, 2);
		assertThat(this.http.get("/schemas/ids/" + id).status()).isEqualTo(200);

		assertThat(ints(this.http.delete("/subjects/" + subject + "?permanent=true").body())).containsExactly(1, 2);
		assertThat(this.http.get("/subjects?deleted=true").text()).doesNotContain(subject);
		assertThat(this.http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);
	}

	@Test
	void softDeletesThenPermanentlyDeletesAVersion() {
		String subject = subject("delete-version");
		this.http.post("/subjects/" + subject + "/versions", body(USER));
		this.http.post("/subjects/" + subject + "/versions", body(USER_V2));

		assertThat(this.http.delete("/subjects/" + subject + "/versions/1?permanent=true").errorCode())
			.isEqualTo(40407);
		assertThat(this.http.delete("/subjects/" + subject + "/versions/1").text()).isEqualTo("1");
		assertThat(this.http.delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40406);
		assertThat(this.http.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);
		assertThat(this.http.get("/subjects/" + subject + "/versions/1?deleted=true").status()).isEqualTo(200);
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions").body())).containsExactly(2);

		assertThat(this.http.delete("/subjects/" + subject + "/versions/1?permanent=true").text()).isEqualTo("1");
		assertThat(ints(this.http.get("/subjects/" + subject + "/versions?deleted=true").body())).containsExactly(2);
	}

	@Test
	void acceptsPlainJsonAndOctetStreamBodies() {
		String subject = subject("content-types");
		assertThat(this.http.post("/subjects/" + subject + "/versions", body(USER), "application/json").status())
			.isEqualTo(200);
		assertThat(this.http.post("/subjects/" + subject, body(USER), "application/octet-stream").status())
			.isEqualTo(200);
		assertThat(this.http.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");
	}

	@Test
	void filtersSubjectsByPrefixAndListsOnlyDeletedOnes() {
		String prefix = subject("filtered");
		String kept = prefix + "-kept";
		String gone = prefix + "-gone";
		this.http.post("/subjects/" + kept + "/versions", body(USER));
		this.http.post("/subjects/" + kept + "/versions", body(USER_V2));
		this.http.post("/subjects/" + gone + "/versions", body(USER));
		this.http.delete("/subjects/" + gone);
		this.http.delete("/subjects/" + kept + "/versions/1");

		assertThat(this.http.get("/subjects?subjectPrefix=" + prefix).body()).extracting((node) -> node.asString())
			.containsExactly(kept);
		assertThat(this.http.get("/subjects?subjectPrefix=" + prefix + "&deleted=true").body())
			.extracting((node) -> node.asString())
			.containsExactlyInAnyOrder(kept, gone);
		assertThat(this.http.get("/subjects?subjectPrefix=" + prefix + "&deletedOnly=true").body())
			.extracting((node) -> node.asString())
			.containsExactly(gone);
		assertThat(ints(this.http.get("/subjects/" + kept + "/versions?deletedOnly=true").body())).containsExactly(1);
	}

	@Test
	void tellsTheHighestIdWhenAskedWithFetchMaxId() {
		String subject = subject("max-id");
		int id = this.http.post("/subjects/" + subject + "/versions", body(USER)).body().get("id").asInt();
		Response response = this.http.get("/schemas/ids/" + id + "?fetchMaxId=true");
		assertThat(response.body().get("schema").asString()).isEqualTo(USER);
		assertThat(response.body().get("maxId").asInt()).isGreaterThanOrEqualTo(id);
		assertThat(this.http.get("/schemas/ids/" + id).body().has("maxId")).isFalse();
	}

}

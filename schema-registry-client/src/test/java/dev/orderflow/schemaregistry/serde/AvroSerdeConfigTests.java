package dev.orderflow.schemaregistry.serde;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import dev.orderflow.schemaregistry.client.BasicAuthCredentials;
import dev.orderflow.schemaregistry.client.RestSchemaRegistryClient;
import dev.orderflow.schemaregistry.serde.subject.RecordNameStrategy;
import dev.orderflow.schemaregistry.serde.subject.TopicNameStrategy;
import dev.orderflow.schemaregistry.serde.subject.TopicRecordNameStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvroSerdeConfigTests {

	private static final String URL = "http://127.0.0.1:8081";

	@Test
	void hasConfluentDefaults() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), true);

		assertThat(config.autoRegisterSchemas()).isTrue();
		assertThat(config.useLatestVersion()).isFalse();
		assertThat(config.normalizeSchemas()).isFalse();
		assertThat(config.specificAvroReader()).isFalse();
		assertThat(config.keySubjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
		assertThat(config.valueSubjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
		assertThat(config.latestCacheTtl()).isNegative();
	}

	@Test
	void mapsConfluentStrategyClassNames() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
				AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy",
				AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
				"io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), true);

		assertThat(config.keySubjectNameStrategy()).isInstanceOf(RecordNameStrategy.class);
		assertThat(config.valueSubjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);
	}

	@Test
	void acceptsStrategyClasses() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
				AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, TopicRecordNameStrategy.class), true);

		assertThat(config.valueSubjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);
	}

	@Test
	void readsRegistryUrlListsAndTimeouts() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
				List.of("http://a:8081", "http://b:8081"), "schema.registry.http.read.timeout.ms", "1500"), true);

		assertThat(config.registryUrl()).isEqualTo("http://a:8081,http://b:8081");
		assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(((RestSchemaRegistryClient) config.createClient()).baseUrls()).hasSize(2);
	}

	@Test
	void requiresRegistryUrl() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> AvroSerdeConfig.from(Map.of(), true))
			.withMessageContaining("schema.registry.url");
	}

	@Test
	void refusesMalformedRegistryUrl() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "localhost:8081"),
				true);

		assertThatExceptionOfType(ConfigException.class).isThrownBy(config::createClient)
			.withMessageContaining("schema.registry.url");
	}

	@Test
	void refusesBadBooleanNamingTheKey() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL, AvroSerdeConfig.SPECIFIC_AVRO_READER, "yes"), true))
			.withMessageContaining("specific.avro.reader")
			.withMessageContaining("yes");
	}

	@Test
	void refusesUnknownStrategyListingTheKnownOnes() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
					AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.NoSuchStrategy"), true))
			.withMessageContaining("value.subject.name.strategy")
			.withMessageContaining("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
	}

	@Test
	void refusesClassThatIsNoStrategy() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
					AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "java.lang.String"), true))
			.withMessageContaining("key.subject.name.strategy");
	}

	@Test
	void readsBasicAuthUserInfoUnderEitherKey() {
		AvroSerdeConfig plain = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL, AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
					"USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:secret"), true);
		AvroSerdeConfig prefixed = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL, "schema.registry.basic.auth.credentials.source",
					"USER_INFO", "schema.registry.basic.auth.user.info", "alice:secret"), true);

		assertThat(plain.basicAuth()).isEqualTo(new BasicAuthCredentials("alice", "secret"));
		assertThat(prefixed.basicAuth()).isEqualTo(plain.basicAuth());
	}

	@Test
	void hasNoCredentialsWhenUrlCarriesNone() {
		assertThat(AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL), true).basicAuth()).isNull();
	}

	@Test
	void ignoresUrlUserInfoWhenSourceIsUserInfo() {
		AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
				"http://bob:pw@127.0.0.1:8081", AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:secret"), true);

		assertThat(config.basicAuth()).isEqualTo(new BasicAuthCredentials("alice", "secret"));
		assertThat(((RestSchemaRegistryClient) config.createClient()).baseUrls())
			.containsExactly(URI.create("http://127.0.0.1:8081"));
	}

	@Test
	void refusesUserInfoWithoutColonNamingTheKeyButNotTheValue() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig
				.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL, "schema.registry.basic.auth.credentials.source",
						"USER_INFO", "schema.registry.basic.auth.user.info", "s3cretToken"), true))
			.withMessageContaining("schema.registry.basic.auth.user.info")
			.withMessageContaining("user:password")
			.withMessageNotContaining("s3cretToken");
	}

	@Test
	void requiresUserInfoWhenSourceIsUserInfo() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
					AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"), true))
			.withMessageContaining("basic.auth.user.info");
	}

	@Test
	void refusesUrlUserInfoWithoutColonNamingTheKey() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig
				.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://s3cretToken@127.0.0.1:8081"), true))
			.withMessageContaining("schema.registry.url")
			.withMessageNotContaining("s3cretToken");
	}

	@Test
	void refusesSaslInheritAsUnsupported() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
					AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"), true))
			.withMessageContaining("basic.auth.credentials.source")
			.withMessageContaining("SASL_INHERIT is not supported");
	}

	@Test
	void refusesUnknownCredentialsSource() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
					AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "TOKEN"), true))
			.withMessageContaining("basic.auth.credentials.source");
	}

	@Test
	void neverShowsPasswordsInToStringOrUrlErrors() {
		AvroSerdeConfig fromUserInfo = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL, AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
					"USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:hunter2"), true);
		AvroSerdeConfig fromUrl = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://alice:hunter2@127.0.0.1:8081"), true);
		AvroSerdeConfig notHttp = AvroSerdeConfig
			.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://alice:hunter2@127.0.0.1:8081"), true);

		assertThat(fromUserInfo.toString()).contains("alice").doesNotContain("hunter2");
		assertThat(fromUrl.toString()).contains("127.0.0.1:8081").doesNotContain("hunter2");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(notHttp::createClient)
			.withMessageContaining("schema.registry.url")
			.withMessageNotContaining("hunter2");
	}

}

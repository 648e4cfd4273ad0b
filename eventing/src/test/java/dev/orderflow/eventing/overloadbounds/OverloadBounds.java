package dev.orderflow.eventing.overloadbounds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import dev.orderflow.eventing.overload.DatabaseWaitProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks shared by the services' {@code OverloadBoundsTest}: their
 * {@code application.yml} caps the open connections (512, 100 in the backlog) and bounds
 * a request's wait for a database connection (2 s, then 503 with {@code Retry-After:
 * 2}), each overridable by its environment variable. Lives in eventing's test jar so the
 * three services do not copy it.
 */
public final class OverloadBounds {

	private OverloadBounds() {
	}

	/**
	 * Asserts the defaults and the environment overrides of the service on the class
	 * path.
	 */
	public static void assertBoundedAndOverridable() {
		Binder defaults = applicationYml(Map.of());
		assertThat(defaults.bind("server.tomcat.max-connections", Integer.class).get()).isEqualTo(512);
		assertThat(defaults.bind("server.tomcat.accept-count", Integer.class).get()).isEqualTo(100);
		assertThat(defaults.bind("orderflow.http.database", DatabaseWaitProperties.class).get())
			.isEqualTo(new DatabaseWaitProperties(Duration.ofSeconds(2), Duration.ofSeconds(2)));

		Binder overridden = applicationYml(Map.of("SERVER_TOMCAT_MAX_CONNECTIONS", "64",
				"ORDERFLOW_HTTP_DATABASE_MAX_WAIT", "500ms", "ORDERFLOW_HTTP_DATABASE_RETRY_AFTER", "5s"));
		assertThat(overridden.bind("server.tomcat.max-connections", Integer.class).get()).isEqualTo(64);
		assertThat(overridden.bind("orderflow.http.database", DatabaseWaitProperties.class).get())
			.isEqualTo(new DatabaseWaitProperties(Duration.ofMillis(500), Duration.ofSeconds(5)));
	}

	/**
	 * The service's {@code application.yml} with its placeholders resolved against
	 * {@code environment}, as Spring Boot binds it.
	 */
	private static Binder applicationYml(Map<String, Object> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new MapPropertySource("environment", environment));
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

}

package dev.orderflow.eventing.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring Boot test on PostgreSQL instead of H2: the context gets an empty database
 * of its own on the {@linkplain EmbeddedPostgresServer#shared() shared embedded server},
 * and Flyway creates the schema with the same migrations as on H2. Test classes that
 * carry the same annotations share one context, as usual.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedPostgresDatabase.Initializer.class)
public @interface EmbeddedPostgresDatabase {

	/**
	 * Points {@code spring.datasource.*} at a new database, ahead of every other property
	 * source.
	 */
	class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
			String database = server
				.createDatabase(context.getEnvironment().getProperty("spring.application.name", "test"));
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("embeddedPostgres",
						Map.of("spring.datasource.url", server.jdbcUrl(database), "spring.datasource.username",
								EmbeddedPostgresServer.USERNAME, "spring.datasource.password", "",
								"spring.datasource.driver-class-name", "org.postgresql.Driver")));
		}

	}

}

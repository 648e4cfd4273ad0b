package dev.orderflow.bench.profile;

import java.util.List;

/**
 * What a stack sample is busy with, named after the library its hottest frame belongs to.
 * A sample counts for the first frame, from the leaf towards the root, that belongs to
 * one of these libraries: a {@code HashMap.get} inside Avro's decoder is Avro's, an H2
 * statement run for the inbox is SQL's. JDK frames (collections, strings, I/O) and
 * Spring's plumbing are passed over until a library says whose work it is.
 */
public enum FrameKind {

	/** Logging: appenders, layouts and the check whether a level is on. */
	LOGGING("logging", "#b0b0b0", "ch.qos.logback.", "org.slf4j.", "org.apache.logging."),

	/** Spans and observations around each listener call, send and request. */
	TRACING("tracing (spans, observations)", "#c39bd3", "io.micrometer.tracing.", "io.micrometer.observation.",
			"io.opentelemetry.", "brave."),

	/** Meters: timers and counters updated per call. */
	METRICS("metrics", "#d7bde2", "io.micrometer.", "io.prometheus."),

	/** Avro encoding and decoding, and the schema registry client's look-ups. */
	AVRO("Avro / schema registry client", "#f5b041", "org.apache.avro.", "dev.orderflow.schemaregistry.",
			"dev.orderflow.events."),

	/** The databases: H2's engine, the JDBC driver and pool, Spring's JDBC layer. */
	SQL("SQL (H2, JDBC, pool)", "#5dade2", "org.h2.", "org.postgresql.", "com.zaxxer.hikari.",
			"org.springframework.jdbc.", "org.springframework.transaction.", "org.springframework.dao."),

	/** E-mail: building the message and talking SMTP. */
	SMTP("e-mail (Jakarta Mail, SMTP)", "#58d68d", "jakarta.mail.", "org.eclipse.angus.", "com.sun.mail.",
			"org.springframework.mail.", "jakarta.activation.", "org.eclipse.angus.activation."),

	/** JSON (HTTP bodies, the registry's REST answers). */
	JSON("JSON", "#f1948a", "tools.jackson.", "com.fasterxml.jackson."),

	/** Kafka's clients and Spring Kafka's listener containers and templates. */
	KAFKA("Kafka client, listener container", "#ec7063", "org.apache.kafka.", "org.springframework.kafka.", "kafka."),

	/** HTTP: Tomcat, Spring MVC, Spring Security and the JWT checks. */
	HTTP("HTTP (Tomcat, Spring MVC, security)", "#48c9b0", "org.apache.tomcat.", "org.apache.coyote.",
			"org.apache.catalina.", "org.springframework.web.", "org.springframework.http.",
			"org.springframework.security.", "com.nimbusds.", "jakarta.servlet."),

	/** Our own code, where it is the hottest frame itself. */
	APPLICATION("orderflow code", "#f7dc6f", "dev.orderflow."),

	/** Spring's plumbing (proxies, bean look-ups) with no library frame above it. */
	SPRING("Spring (other)", "#a9dfbf", "org.springframework."),

	/** Everything else: JDK frames with no library above them (threads, GC, JIT, I/O). */
	OTHER("JDK, JVM and other", "#d5d8dc");

	private final String label;

	private final String colour;

	private final List<String> prefixes;

	FrameKind(String label, String colour, String... prefixes) {
		this.label = label;
		this.colour = colour;
		this.prefixes = List.of(prefixes);
	}

	/** What the sample with these frames (root first, leaf last) is busy with. */
	public static FrameKind of(List<String> frames) {
		for (int i = frames.size() - 1; i >= 0; i--) {
			FrameKind kind = ofFrame(frames.get(i));
			if (kind != OTHER) {
				return kind;
			}
		}
		return OTHER;
	}

	/** The library one frame ({@code package.Class.method}) belongs to, else OTHER. */
	public static FrameKind ofFrame(String frame) {
		for (FrameKind kind : values()) {
			if (kind.prefixes.stream().anyMatch(frame::startsWith)) {
				return kind;
			}
		}
		return OTHER;
	}

	public String label() {
		return this.label;
	}

	/** Its colour in the flame graphs. */
	public String colour() {
		return this.colour;
	}

}

package dev.orderflow.bench.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameKindTest {

	@Test
	void aSampleBelongsToTheLeafMostLibraryFrameNotToTheJdkFramesBelowIt() {
		List<String> frames = List.of("java.lang.Thread.run",
				"org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.run",
				"dev.orderflow.order.saga.InventoryEventsListener.on", "org.h2.command.Command.executeUpdate",
				"java.util.HashMap.get");

		assertThat(FrameKind.of(frames)).isEqualTo(FrameKind.SQL);
	}

	@Test
	void theSchemaRegistryClientAndTheGeneratedEventsAreAvroNotOurCode() {
		assertThat(FrameKind.ofFrame("dev.orderflow.schemaregistry.serde.KafkaAvroDeserializer.deserialize"))
			.isEqualTo(FrameKind.AVRO);
		assertThat(FrameKind.ofFrame("dev.orderflow.events.OrderPlaced.get")).isEqualTo(FrameKind.AVRO);
		assertThat(FrameKind.ofFrame("dev.orderflow.order.OrderService.place")).isEqualTo(FrameKind.APPLICATION);
	}

	@Test
	void tracingIsToldApartFromMetricsAndSpringTransactionsCountAsSql() {
		assertThat(FrameKind.ofFrame("io.micrometer.tracing.otel.bridge.OtelTracer.nextSpan"))
			.isEqualTo(FrameKind.TRACING);
		assertThat(FrameKind.ofFrame("io.micrometer.core.instrument.Timer.record")).isEqualTo(FrameKind.METRICS);
		assertThat(FrameKind.ofFrame("org.springframework.transaction.support.TransactionTemplate.execute"))
			.isEqualTo(FrameKind.SQL);
		assertThat(FrameKind.ofFrame("org.springframework.aop.framework.ReflectiveMethodInvocation.proceed"))
			.isEqualTo(FrameKind.SPRING);
	}

	@Test
	void onlyJdkFramesAreOther() {
		assertThat(FrameKind.of(List.of("java.lang.Thread.run", "sun.nio.ch.EPoll.wait"))).isEqualTo(FrameKind.OTHER);
		assertThat(FrameKind.of(List.of())).isEqualTo(FrameKind.OTHER);
	}

}

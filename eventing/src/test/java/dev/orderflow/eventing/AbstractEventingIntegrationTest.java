package dev.orderflow.eventing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@link EventingTestApplication} on an in-memory H2 database and one embedded KRaft broker,
 * shared by every integration test of the module (one context, one broker). Each test works on
 * a topic or on keys of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1,
		topics = { EventingIntegrationTest.TOPIC, EventingIntegrationTest.TOPIC + ".DLT",
				AbstractEventingIntegrationTest.REPLAY_TOPIC, AbstractEventingIntegrationTest.REPLAY_TOPIC + ".DLT" })
abstract class AbstractEventingIntegrationTest {

	/** The topic of {@link EventingTestApplication.FixableListener}. */
	static final String REPLAY_TOPIC = "eventing-replay-test";

}

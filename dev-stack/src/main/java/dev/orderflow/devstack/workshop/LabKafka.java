package dev.orderflow.devstack.workshop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.orderflow.devstack.kafka.Admins;

/**
 * What a lab check asks the broker: which topics exist, how far a consumer group lags,
 * which events one order has on a topic. An interface so the checks can be tested without
 * a broker. Each method throws an {@link IllegalStateException} saying why when the
 * broker does not answer.
 */
interface LabKafka {

	/** The names of the topics on the broker. */
	Set<String> topics();

	/**
	 * Records of the topic the group has not committed yet; empty when it committed
	 * nothing on it.
	 */
	OptionalLong lag(String group, String topic);

	/**
	 * The last {@code limit} records of the topic, with that key when given, oldest
	 * first.
	 */
	List<TopicRecords.Event> events(String topic, Optional<String> key, int limit);

	/**
	 * {@code security}: how to sign in,
	 * {@link dev.orderflow.devstack.kafka.KafkaUsers#adminClientProperties}.
	 */
	static LabKafka of(String bootstrapServers, String registryUrl, Map<String, Object> security) {
		return new Live(bootstrapServers, registryUrl, security);
	}

	/**
	 * The local broker, through an admin client with short timeouts and
	 * {@link TopicRecords}.
	 */
	final class Live implements LabKafka {

		private static final long TIMEOUT_SECONDS = 8;

		private final String bootstrapServers;

		private final String registryUrl;

		private final Map<String, Object> security;

		Live(String bootstrapServers, String registryUrl, Map<String, Object> security) {
			this.bootstrapServers = bootstrapServers;
			this.registryUrl = registryUrl;
			this.security = Map.copyOf(security);
		}

		@Override
		public Set<String> topics() {
			return withAdmin((admin) -> admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}

		@Override
		public OptionalLong lag(String group, String topic) {
			return withAdmin((admin) -> lag(admin, group, topic));
		}

		/**
		 * One question to the broker on a short-lived admin client; no answer in time is
		 * "unreachable".
		 */
		private <T> T withAdmin(AdminCall<T> call) {
			try (Admin admin = Admins.create(this.bootstrapServers, this.security)) {
				return call.ask(admin);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw unreachable(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw unreachable(ex);
			}
		}

		@FunctionalInterface
		private interface AdminCall<T> {

			T ask(Admin admin) throws ExecutionException, InterruptedException, TimeoutException;

		}

		@Override
		public List<TopicRecords.Event> events(String topic, Optional<String> key, int limit) {
			return new TopicRecords(this.bootstrapServers, this.registryUrl, this.security).last(topic, limit, key);
		}

		/**
		 * The group's lag on the topic, summed over the partitions it committed offsets
		 * for.
		 */
		static OptionalLong lag(Admin admin, String group, String topic)
				throws ExecutionException, InterruptedException, TimeoutException {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = committed.keySet()
				.stream()
				.filter((partition) -> partition.topic().equals(topic))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
			if (latest.isEmpty()) {
				return OptionalLong.empty();
			}
			long lag = 0;
			for (var end : admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet()) {
				OffsetAndMetadata offset = committed.get(end.getKey());
				lag += end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
			}
			return OptionalLong.of(lag);
		}

		private IllegalStateException unreachable(Exception ex) {
			return new IllegalStateException("the broker at " + this.bootstrapServers + " did not answer ("
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.toString()) + ")", ex);
		}

	}

}

package dev.orderflow.devstack.workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

import dev.orderflow.devstack.kafka.Admins;
import dev.orderflow.devstack.kafka.KafkaUsers;
import dev.orderflow.devstack.process.CommandLines;

/**
 * Lab 04 (scaling consumers): a second notification-service ran in the group with a data
 * directory of its own, it was stopped again, and the group caught up on every partition
 * of {@code orders} afterwards (no lag left behind by the paused member).
 */
final class ScalingLabCheck {

	/** Where lab 04 keeps the second instance: its H2 database, log and pid file. */
	static final String INSTANCE_DIR = "lab04";

	static final String GROUP = "notification-service";

	private static final long TIMEOUT_SECONDS = 8;

	private final LabProbe probe;

	ScalingLabCheck(LabProbe probe) {
		this.probe = probe;
	}

	void run(LabReport report) {
		if (!this.probe.servicesReady(report, List.of(this.probe.ports().notificationService()))) {
			return;
		}
		Path instance = this.probe.dataDir().root().resolve(INSTANCE_DIR);
		report.check(Files.exists(instance.resolve("notification-service.mv.db")),
				"a second notification-service ran with its own database (" + instance + ")",
				"start it as in lab 04, step 1 (ORDERFLOW_DATA_DIR=" + instance + ")");
		Optional<ProcessHandle> second = LabProbe.read(instance.resolve("notification-service.pid"))
			.lines()
			.findFirst()
			.flatMap(ScalingLabCheck::pid)
			.flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			// pids get reused: only a notification-service is the second instance
			.filter((handle) -> CommandLines.of(handle.pid()).orElse("").contains("notification-service"));
		report.check(second.isEmpty(), "the second instance is stopped",
				"stop it by its pid: kill " + second.map(ProcessHandle::pid).map(String::valueOf).orElse("")
						+ " (lab 04, step 5); a paused one needs kill -CONT first");
		try (Admin admin = Admins.create(this.probe.ports().bootstrapServers(),
				KafkaUsers.adminClientProperties(this.probe.dataDir().config()))) {
			int partitions = partitions(admin, "orders");
			report.check(partitions >= 2,
					"orders has " + partitions + " partitions: up to " + partitions + " members of a group share it",
					"the stack creates orders with 3 partitions: ./orderflow up -d");
			long lag = LabKafka.Live.lag(admin, GROUP, "orders").orElse(0);
			report.check(lag == 0, "group " + GROUP + " has caught up on orders (lag " + lag + ")",
					"a member is paused or down: kill -CONT its pid, or wait for the group to rebalance (lab 04, step 4)");
		}
		catch (ExecutionException | TimeoutException ex) {
			report.check(false, "the broker describes orders and group " + GROUP,
					"./orderflow status; " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int partitions(Admin admin, String topic)
			throws ExecutionException, InterruptedException, TimeoutException {
		TopicDescription description = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.get(topic);
		return description.partitions().size();
	}

	private static Optional<Long> pid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}

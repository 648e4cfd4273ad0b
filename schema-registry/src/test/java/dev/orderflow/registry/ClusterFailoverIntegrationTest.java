package dev.orderflow.registry;

import static dev.orderflow.registry.Schemas.body;
import static dev.orderflow.registry.Schemas.field;
import static dev.orderflow.registry.Schemas.ints;
import static dev.orderflow.registry.Schemas.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two registry processes on one broker and one {@code _schemas} topic, as a rollout with
 * {@code maxSurge: 1} runs them: writes through both at once never give one schema two
 * ids nor one id two schemas, a write through either is readable through the other at
 * once, and when the leader is killed (SIGKILL, no goodbye to the group) writes through
 * the other instance resume within 10 seconds, losing nothing acknowledged. A third
 * process started afterwards rebuilds the very same state from the topic.
 */
@EmbeddedKafka(partitions = 1)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ClusterFailoverIntegrationTest {

	private static final String TOPIC = "_schemas_cluster";

	private final List<Process> processes = new CopyOnWriteArrayList<>();

	/** Schema text to the id the registry acknowledged for it, whoever answered. */
	private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

	/** Subject to the schemas acknowledged under it. */
	private final Map<String, List<String>> registered = new ConcurrentHashMap<>();

	@AfterEach
	void stopProcesses() {
		// by PID, each one this test started
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void twoInstancesHandOutUniqueIdsAndSurviveTheLeadersDeath(EmbeddedKafkaBroker broker) throws Exception {
		Instance first = start("first", broker);
		Instance second = start("second", broker);
		first.awaitReady();
		second.awaitReady();
		await().atMost(Duration.ofSeconds(30)).until(() -> leaderUrl(first) != null && leaderUrl(second) != null);
		assertThat(isLeader(first) ^ isLeader(second)).as("exactly one leader").isTrue();
		assertThat(leaderUrl(first)).isEqualTo(leaderUrl(second));
		assertThat(first.http.put("/config", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);

		writeThroughBothAtOnce(first, second);
		assertAgree(first, second);

		Instance leader = isLeader(first) ? first : second;
		Instance follower = (leader == first) ? second : first;
		long failover = killLeaderMidWrites(leader, follower);
		System.out.printf("Failover: leader SIGKILL to first write acknowledged through the other instance: %d ms%n",
				failover);
		assertThat(Duration.ofMillis(failover)).isLessThan(Duration.ofSeconds(10));
		assertThat(isLeader(follower)).isTrue();

		Instance third = start("third", broker);
		third.awaitReady();
		register(third, "after-failover", "AfterFailover", 0);
		assertAgree(follower, third);
	}

	private void writeThroughBothAtOnce(Instance first, Instance second) throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 8; i++) {
						Instance through = ((writer + i) % 2 == 0) ? first : second;
						Instance other = (through == first) ? second : first;
						// half the schemas are written by two writers at once, through
						// different instances
						String name = (i % 2 == 0) ? "Shared" + i : "Own" + writer + "x" + i;
						int id = register(through, "concurrent-" + writer, name, i);
						// read-your-writes, on the other instance
						RegistryHttp.Response read = other.http.get("/schemas/ids/" + id);
						assertThat(read.status()).isEqualTo(200);
						assertThat(read.body().get("schema").asString()).isEqualTo(schema(name, i));
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			writers.shutdownNow();
		}
	}

	private long killLeaderMidWrites(Instance leader, Instance follower) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong killedAt = new AtomicLong();
		AtomicLong resumedAt = new AtomicLong();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			for (Instance through : List.of(leader, follower)) {
				writers.submit(() -> {
					for (int i = 0; running.get(); i++) {
						try {
							register(through, "failover-" + through.name, "Failover" + through.name, i);
							long now = System.nanoTime();
							if (through == follower && killedAt.get() != 0 && resumedAt.get() == 0) {
								resumedAt.compareAndSet(0, now);
							}
						}
						catch (IllegalStateException | AssertionError ex) {
							// the killed instance answers nothing; a write in flight may
							// fail
						}
					}
					return null;
				});
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.registered.getOrDefault("failover-" + follower.name, List.of()).size() >= 3);
			killedAt.set(System.nanoTime());
			leader.process.destroyForcibly().waitFor();
			await().atMost(Duration.ofSeconds(30)).until(() -> resumedAt.get() != 0);
			return (resumedAt.get() - killedAt.get()) / 1_000_000;
		}
		finally {
			running.set(false);
			writers.shutdown();
			writers.awaitTermination(40, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	/**
	 * Everything ever acknowledged is there, with the id it was acknowledged with, alike
	 * on both.
	 */
	private void assertAgree(Instance one, Instance other) {
		assertThat(Map.copyOf(this.acknowledged).values()).doesNotHaveDuplicates();
		for (Map.Entry<String, Integer> entry : this.acknowledged.entrySet()) {
			for (Instance instance : List.of(one, other)) {
				RegistryHttp.Response read = instance.http.get("/schemas/ids/" + entry.getValue());
				assertThat(read.status()).as("id %d on %s", entry.getValue(), instance.name).isEqualTo(200);
				assertThat(read.body().get("schema").asString()).isEqualTo(entry.getKey());
			}
		}
		for (Map.Entry<String, List<String>> subject : this.registered.entrySet()) {
			List<Integer> versions = ints(one.http.get("/subjects/" + subject.getKey() + "/versions").body());
			assertThat(ints(other.http.get("/subjects/" + subject.getKey() + "/versions").body())).isEqualTo(versions);
			// none lost, none skipped: a write cut off by the kill may be there without
			// its answer
			assertThat(versions).hasSizeGreaterThanOrEqualTo(subject.getValue().size());
			assertThat(versions).isEqualTo(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
			for (String schema : subject.getValue()) {
				RegistryHttp.Response one1 = one.http.post("/subjects/" + subject.getKey(), body(schema));
				RegistryHttp.Response other1 = other.http.post("/subjects/" + subject.getKey(), body(schema));
				assertThat(one1.status()).isEqualTo(200);
				assertThat(other1.body()).isEqualTo(one1.body());
			}
		}
	}

	private int register(Instance through, String subject, String name, int n) {
		String schema = schema(name, n);
		RegistryHttp.Response response = through.http.post("/subjects/" + subject + "/versions", body(schema));
		assertThat(response.status()).as("%s through %s: %s", name, through.name, response.text()).isEqualTo(200);
		int id = response.body().get("id").asInt();
		Integer earlier = this.acknowledged.putIfAbsent(schema, id);
		assertThat(earlier).as("one id per schema").isIn(null, id);
		this.registered.computeIfAbsent(subject, (key) -> new CopyOnWriteArrayList<>()).add(schema);
		return id;
	}

	private static String schema(String name, int n) {
		return record(name, field("n" + n, "string"));
	}

	private static String leaderUrl(Instance instance) {
		RegistryHttp.Response leader = instance.http.get("/v1/metadata/leader");
		return (leader.status() == 200 && !leader.body().get("leader").isNull())
				? leader.body().get("leader").asString() : null;
	}

	private static boolean isLeader(Instance instance) {
		return instance.http.get("/v1/metadata/leader").body().get("isLeader").asBoolean();
	}

	private Instance start(String name, EmbeddedKafkaBroker broker) throws IOException {
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path log = Path.of("target", "cluster-" + name + ".log");
		Files.createDirectories(log.getParent());
		Path arguments = Files.createTempFile("registry-" + name, ".args");
		// the classpath is long: hand it over in an argument file
		Files.writeString(arguments, "-cp \"" + classpath.replace("\\", "\\\\") + "\"");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "@" + arguments,
				SchemaRegistryApplication.class.getName(), "--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--orderflow.registry.topic=" + TOPIC, "--orderflow.registry.advertised-url=http://127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Process process = builder.start();
		this.processes.add(process);
		return new Instance(name, process, new RegistryHttp(port));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Instance(String name, Process process, RegistryHttp http) {

		void awaitReady() {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
				assertThat(this.process.isAlive()).as("%s is running, see target/cluster-%s.log", this.name, this.name)
					.isTrue();
				return this.http.get("/actuator/health/readiness").status() == 200;
			});
		}

	}

}

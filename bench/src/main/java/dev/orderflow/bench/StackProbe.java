package dev.orderflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Reads the footprint of the running stack, for the soak: each service's inbox and outbox
 * rows and its H2 store's live data from its own gauges ({@code /actuator/prometheus}, so
 * the bench never opens a database the service has open), the size of each service's
 * database files in the data directory, and the resident set size of every process whose
 * pid the stack recorded in {@code run/*.pid}. What cannot be read at a moment (a service
 * restarting, no {@code /proc} on this OS) is left out of that sample.
 */
final class StackProbe {

	static final String INBOX = "inbox rows";

	static final String OUTBOX = "outbox rows";

	static final String PURGED = "inbox rows purged";

	static final String SETTLED_PURGED = "records of settled orders purged";

	static final String DB_FILES = "database files (MiB)";

	static final String LIVE_DATA = "database live data (MiB)";

	static final String DB_SLACK = "database file minus live data (MiB)";

	static final String RSS = "RSS (MiB)";

	private static final double MIB = 1024.0 * 1024.0;

	private final Path dataDir;

	private final Map<String, String> serviceUrls;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * @param dataDir the stack's data directory ({@code db/}, {@code run/})
	 * @param serviceUrls base URL of each service, by its name (the name of its database
	 * and pid files)
	 */
	StackProbe(Path dataDir, Map<String, String> serviceUrls) {
		this.dataDir = dataDir;
		this.serviceUrls = serviceUrls;
	}

	/**
	 * One reading.
	 *
	 * @param group what is measured, e.g. {@link #INBOX}
	 * @param name of which process or service
	 * @param value the value, in the group's unit
	 */
	record Reading(String group, String name, double value) {
	}

	List<Reading> sample() {
		List<Reading> readings = new ArrayList<>();
		this.serviceUrls.forEach((service, url) -> {
			String metrics = prometheus(url);
			if (metrics != null) {
				value(metrics, "orderflow_inbox_rows").ifPresent((v) -> readings.add(new Reading(INBOX, service, v)));
				value(metrics, "orderflow_outbox_backlog")
					.ifPresent((v) -> readings.add(new Reading(OUTBOX, service, v)));
				value(metrics, "orderflow_inbox_purged_total")
					.ifPresent((v) -> readings.add(new Reading(PURGED, service, v)));
				value(metrics, "orderflow_retention_purged_total")
					.ifPresent((v) -> readings.add(new Reading(SETTLED_PURGED, service, v)));
				OptionalDouble file = value(metrics, "orderflow_h2_file_size_bytes");
				OptionalDouble live = value(metrics, "orderflow_h2_live_data_bytes");
				if (file.isPresent() && live.isPresent() && !Double.isNaN(live.getAsDouble())) {
					// what H2's store says of its own file: live pages, and what
					// compaction has
					// yet to give back
					readings.add(new Reading(LIVE_DATA, service, live.getAsDouble() / MIB));
					readings.add(new Reading(DB_SLACK, service, (file.getAsDouble() - live.getAsDouble()) / MIB));
				}
			}
			databaseBytes(service).ifPresent((bytes) -> readings.add(new Reading(DB_FILES, service, bytes / MIB)));
		});
		for (Path pidFile : pidFiles(this.dataDir)) {
			String process = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
			rssBytes(pidFile).ifPresent((bytes) -> readings.add(new Reading(RSS, process, bytes / MIB)));
		}
		return readings;
	}

	/**
	 * The sum of the samples of {@code metric} (all its label sets) in a Prometheus text
	 * exposition.
	 */
	static OptionalDouble value(String exposition, String metric) {
		double sum = 0;
		boolean found = false;
		for (String line : exposition.split("\n")) {
			if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
				String[] parts = line.trim().split(" ");
				try {
					sum += Double.parseDouble(parts[parts.length - 1]);
					found = true;
				}
				catch (NumberFormatException ex) {
					// a timestamped or malformed sample: not ours, skip it
				}
			}
		}
		return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
	}

	/**
	 * The resident set size in a {@code /proc/PID/status} text ({@code VmRSS: 123 kB}),
	 * in bytes.
	 */
	static OptionalDouble rssOfStatus(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
				return OptionalDouble.of(Double.parseDouble(parts[0]) * 1024);
			}
		}
		return OptionalDouble.empty();
	}

	private String prometheus(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * H2 keeps a service's database in {@code db/SERVICE.mv.db} (and a trace file next to
	 * it).
	 */
	OptionalDouble databaseBytes(String service) {
		Path db = this.dataDir.resolve("db");
		if (!Files.isDirectory(db)) {
			return OptionalDouble.empty();
		}
		try (Stream<Path> files = Files.list(db)) {
			List<Path> ours = files.filter((f) -> f.getFileName().toString().startsWith(service + ".")).toList();
			if (ours.isEmpty()) {
				return OptionalDouble.empty();
			}
			double bytes = 0;
			for (Path file : ours) {
				bytes += Files.size(file);
			}
			return OptionalDouble.of(bytes);
		}
		catch (IOException ex) {
			// a file vanished between list and size (H2 renames while it compacts): next
			// sample
			return OptionalDouble.empty();
		}
	}

	/**
	 * The pid of every process the stack in {@code dataDir} recorded in {@code run/*.pid}
	 * (those of a stopped stack too: whether a pid still runs is for the caller to see),
	 * by process name.
	 */
	static Map<String, Long> recordedPids(Path dataDir) {
		Map<String, Long> pids = new java.util.LinkedHashMap<>();
		for (Path pidFile : pidFiles(dataDir)) {
			try {
				pids.put(pidFile.getFileName().toString().replaceFirst("\\.pid$", ""),
						Long.parseLong(Files.readString(pidFile).trim()));
			}
			catch (IOException | NumberFormatException ex) {
				// being written or removed right now: left out
			}
		}
		return pids;
	}

	private static List<Path> pidFiles(Path dataDir) {
		Path run = dataDir.resolve("run");
		if (!Files.isDirectory(run)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(run)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".pid")).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static OptionalDouble rssBytes(Path pidFile) {
		try {
			String pid = Files.readString(pidFile).trim();
			Path status = Path.of("/proc", pid, "status");
			return Files.isReadable(status) ? rssOfStatus(Files.readString(status)) : OptionalDouble.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalDouble.empty();
		}
	}

}

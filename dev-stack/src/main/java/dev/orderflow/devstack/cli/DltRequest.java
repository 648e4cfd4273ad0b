package dev.orderflow.devstack.cli;

import java.util.List;

/**
 * A parsed {@code ./orderflow dlt ...} command line: {@code dlt list},
 * {@code dlt replay SERVICE ID} or {@code dlt replay SERVICE --all}.
 */
sealed interface DltRequest {

	/** The services that have a dead-letter API, as named on the command line. */
	List<String> SERVICES = List.of("order-service", "inventory-service", "notification-service");

	/** {@code dlt list}: every service's dead letters. */
	record ListAll() implements DltRequest {
	}

	/** {@code dlt replay SERVICE ID}. */
	record Replay(String service, String id) implements DltRequest {
	}

	/** {@code dlt replay SERVICE --all}: every dead letter of the service not replayed yet. */
	record ReplayAll(String service) implements DltRequest {
	}

	/** Parses what follows {@code dlt}. */
	static DltRequest parse(List<String> args) {
		if (args.isEmpty() || (args.get(0).equals("list") && args.size() == 1)) {
			return new ListAll();
		}
		if (!args.get(0).equals("replay")) {
			throw new UsageException("dlt takes list or replay, not " + String.join(" ", args));
		}
		if (args.size() != 3) {
			throw new UsageException("dlt replay needs SERVICE and ID (or --all), e.g. dlt replay inventory-service orders.DLT-0-4");
		}
		String service = args.get(1);
		if (!SERVICES.contains(service)) {
			throw new UsageException("Unknown service " + service + "; one of: " + String.join(", ", SERVICES));
		}
		String id = args.get(2);
		if (id.equals("--all")) {
			return new ReplayAll(service);
		}
		if (id.startsWith("-")) {
			throw new UsageException("Unknown option " + id);
		}
		return new Replay(service, id);
	}

}

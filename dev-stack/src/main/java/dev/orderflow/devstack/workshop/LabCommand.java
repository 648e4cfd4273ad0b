package dev.orderflow.devstack.workshop;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.Terminal;

/**
 * {@code lab check N}: verifies a learner's result for lab N of docs/labs/ and says what
 * is missing, one OK/MISSING line per step, exit code 1 while something is missing. Labs
 * 01 and 02 are checked here; labs 03 to 08 by a class each ({@link SchemaLabCheck},
 * {@link ScalingLabCheck}, {@link RecoveryLabCheck}, {@link ObservabilityLabCheck},
 * {@link PaymentLabCheck}, {@link KindLabCheck}).
 */
@Command(name = "lab", description = "Check your result of a lab (docs/labs/).")
public final class LabCommand {

	/**
	 * The customer id lab 01 asks learners to order with, so their order can be found.
	 */
	static final String LAB01_CUSTOMER = "c-1";

	private static final Pattern LAB01_ORDER = Pattern
		.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"customerId\"\\s*:\\s*\"" + LAB01_CUSTOMER + "\"");

	private final PrintStream out;

	private final Supplier<Path> repo;

	private final Supplier<LabProbe> probe;

	private final Kubectl kubectl;

	@Spec
	private CommandSpec spec;

	public LabCommand(Terminal terminal) {
		this(terminal.out(), () -> Installation.locate().repoRoot());
	}

	private LabCommand(PrintStream out, Supplier<Path> repo) {
		this(out, repo, () -> new LabProbe(StackPorts.defaults(), new DataDir(LocalStack.defaultDataDir(repo.get()))),
				Kubectl.onPath());
	}

	LabCommand(PrintStream out, Supplier<Path> repo, Supplier<LabProbe> probe, Kubectl kubectl) {
		this.out = out;
		this.repo = repo;
		this.probe = probe;
		this.kubectl = kubectl;
	}

	@Command(name = "check", description = "Check your result of lab N; exit code 1 while something is missing.")
	int check(@Parameters(paramLabel = "N", description = "the lab, 1..9 (01..09 as in docs/labs/)") String n) {
		LabReport report = new LabReport(this.out);
		switch (n.replaceFirst("^0", "")) {
			case "1" -> lab01(report, this.probe.get());
			case "2" -> lab02(report, this.probe.get());
			case "3" -> new SchemaLabCheck(this.probe.get(), this.repo).run(report);
			case "4" -> new ScalingLabCheck(this.probe.get()).run(report);
			case "5" -> new RecoveryLabCheck(this.probe.get()).run(report);
			case "6" -> new ObservabilityLabCheck(this.probe.get()).run(report);
			case "7" -> new PaymentLabCheck(this.probe.get()).run(report);
			case "8" -> new KindLabCheck(this.kubectl, this.repo).run(report);
			case "9" -> new DataContractsLabCheck(this.probe.get()).run(report);
			default -> throw new ParameterException(this.spec.subcommands().get("check"),
					"no lab " + n + "; labs are 1..9 (docs/labs/)");
		}
		return report.finish(n);
	}

	/**
	 * Lab 01: the stack runs, the learner's order is CONFIRMED, went through both topics
	 * and was notified.
	 */
	private static void lab01(LabReport report, LabProbe probe) {
		StackPorts ports = probe.ports();
		if (!probe.servicesReady(report, List.of(ports.orderService(), ports.inventoryService(),
				ports.notificationService(), ports.schemaRegistry()))) {
			return;
		}
		String confirmed = probe.get(ports.orderService(), "/api/orders?status=CONFIRMED&limit=500").orElse("[]");
		report.check(confirmed.contains("\"orderId\""), "at least one CONFIRMED order",
				"place an order (lab 01, step 2)");
		Matcher mine = LAB01_ORDER.matcher(confirmed);
		if (!report.check(mine.find(), "a CONFIRMED order of customer " + LAB01_CUSTOMER,
				"place it with \"customerId\":\"" + LAB01_CUSTOMER + "\" (lab 01, step 2)")) {
			return;
		}
		String orderId = mine.group(1);
		report.note("your order: " + orderId);
		TopicRecords topics = probe.topics();
		Set<String> seen = new TreeSet<>();
		for (String topic : List.of("orders", "inventory")) {
			topics.last(topic, 100, Optional.of(orderId)).forEach((event) -> seen.add(topic + ":" + event.type()));
		}
		for (String expected : List.of("orders:OrderPlaced", "inventory:StockReserved", "orders:OrderConfirmed")) {
			report.check(seen.contains(expected), expected.replace(":", " carries ") + " for your order",
					"follow lab 01, step 3 (seen: " + seen + ")");
		}
		String notifications = probe.get(ports.notificationService(), "/api/notifications?orderId=" + orderId)
			.orElse("");
		report.check(notifications.contains(orderId), "notification-service recorded your order's notification",
				"see lab 01, step 4; ./orderflow logs notification-service");
	}

	/**
	 * Lab 02: the stack runs, a record reached orders.DLT, and some service replayed a
	 * dead letter.
	 */
	private static void lab02(LabReport report, LabProbe probe) {
		StackPorts ports = probe.ports();
		if (!probe.servicesReady(report,
				List.of(ports.orderService(), ports.inventoryService(), ports.notificationService()))) {
			return;
		}
		boolean deadLettered;
		try {
			deadLettered = !probe.topics().last("orders.DLT", 1, Optional.empty()).isEmpty();
		}
		catch (RuntimeException ex) {
			deadLettered = false;
		}
		report.check(deadLettered, "orders.DLT holds at least one dead letter",
				"send the poison pill (lab 02, step 1)");
		boolean replayed = false;
		for (int port : List.of(ports.orderService(), ports.inventoryService(), ports.notificationService())) {
			replayed |= probe.get(port, "/api/dead-letters").orElse("").matches("(?s).*\"replayed\"\\s*:\\s*true.*");
		}
		report.check(replayed, "a service replayed a dead letter",
				"./orderflow dlt replay SERVICE ID (lab 02, step 4)");
	}

}

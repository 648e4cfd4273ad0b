package dev.orderflow.devstack.workshop;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lab 08 (orderflow on kind): kubectl is on the PATH and new enough to render the
 * overlays (1.27 bundles Kustomize 5), {@code k8s/overlays/local} renders, the current
 * context is a kind cluster, and the Strimzi operator and every orderflow Deployment in
 * namespace {@code orderflow} are available. Each step stops the check when the next ones
 * could only fail for the same reason.
 */
final class KindLabCheck {

	static final String NAMESPACE = "orderflow";

	static final int MIN_MINOR = 27;

	/** What the local overlay and step 2 deploy, with what to do when one is missing. */
	static final Map<String, String> DEPLOYMENTS = deployments();

	private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

	private final Kubectl kubectl;

	private final Supplier<Path> repo;

	KindLabCheck(Kubectl kubectl, Supplier<Path> repo) {
		this.kubectl = kubectl;
		this.repo = repo;
	}

	void run(LabReport report) {
		Path root = this.repo.get();
		Optional<Kubectl.Result> version = this.kubectl.run(root, List.of("version", "--client", "-o", "json"));
		if (!report.check(version.isPresent(), "kubectl is on the PATH", "install kubectl 1." + MIN_MINOR
				+ " or later: https://kubernetes.io/docs/tasks/tools/ (lab 08, step 0)")) {
			return;
		}
		Optional<Integer> minor = minorVersion(version.get());
		if (!report.check(minor.filter((m) -> m >= MIN_MINOR).isPresent(),
				"kubectl is 1." + MIN_MINOR + " or later (1." + minor.map(String::valueOf).orElse("?")
						+ "), so it renders with Kustomize 5",
				"install a newer kubectl: https://kubernetes.io/docs/tasks/tools/ (lab 08, step 0)")) {
			return;
		}
		Kubectl.Result rendered = run(root, "kustomize", "k8s/overlays/local");
		report.check(rendered.ok(), "kubectl kustomize k8s/overlays/local renders",
				"run it in the repository root (" + root + "); kubectl said: " + rendered.firstErrorLine());
		Kubectl.Result context = run(root, "config", "current-context");
		String name = context.ok() ? context.out().trim() : "";
		if (!report.check(name.startsWith("kind-"),
				"the current context is a kind cluster (" + (name.isEmpty() ? "none" : name) + ")",
				"kind create cluster --name orderflow, or kubectl config use-context kind-orderflow (lab 08, step 1)")) {
			return;
		}
		Kubectl.Result listed = run(root, "--request-timeout=10s", "-n", NAMESPACE, "get", "deployments", "-o", "json");
		if (!report.check(listed.ok(), "the cluster answers (" + name + ")",
				"is the kind node running? docker ps; kubectl said: " + listed.firstErrorLine())) {
			return;
		}
		Map<String, Map<?, ?>> found = byName(listed.out());
		DEPLOYMENTS.forEach((deployment, missingHint) -> {
			Map<?, ?> status = Optional.ofNullable(found.get(deployment))
				.map((item) -> item.get("status"))
				.filter(Map.class::isInstance)
				.map(Map.class::cast)
				.orElse(Map.of());
			report.check(available(status),
					deployment + " is available (" + number(status.get("availableReplicas")) + " available)",
					found.containsKey(deployment) ? "kubectl -n " + NAMESPACE + " describe deployment " + deployment
							+ "; kubectl -n " + NAMESPACE + " logs deployment/" + deployment + " (lab 08, step 5)"
							: missingHint);
		});
	}

	/**
	 * The minor version kubectl reports for itself; "30+" (some distributions) counts as
	 * 30.
	 */
	static Optional<Integer> minorVersion(Kubectl.Result version) {
		if (!version.ok() || !(LabJson.parse(version.out()) instanceof Map<?, ?> answer)
				|| !(answer.get("clientVersion") instanceof Map<?, ?> client)
				|| !"1".equals(String.valueOf(client.get("major")))) {
			return Optional.empty();
		}
		Matcher minor = LEADING_NUMBER.matcher(String.valueOf(client.get("minor")));
		return minor.find() ? Optional.of(Integer.parseInt(minor.group(1))) : Optional.empty();
	}

	/** Kubernetes' own notion: the Deployment's Available condition is True. */
	private static boolean available(Map<?, ?> status) {
		return status.get("conditions") instanceof List<?> conditions && conditions.stream()
			.filter(Map.class::isInstance)
			.map(Map.class::cast)
			.anyMatch(
					(condition) -> "Available".equals(condition.get("type")) && "True".equals(condition.get("status")));
	}

	private static Map<String, Map<?, ?>> byName(String json) {
		Map<String, Map<?, ?>> deployments = new LinkedHashMap<>();
		if (LabJson.parse(json) instanceof Map<?, ?> list && list.get("items") instanceof List<?> items) {
			items.stream()
				.filter(Map.class::isInstance)
				.map(Map.class::cast)
				.filter((item) -> item.get("metadata") instanceof Map<?, ?>)
				.forEach((item) -> deployments.put(String.valueOf(((Map<?, ?>) item.get("metadata")).get("name")),
						item));
		}
		return deployments;
	}

	private Kubectl.Result run(Path root, String... args) {
		// kubectl was there a moment ago; if it vanished, say so in the hint rather than
		// throw
		return this.kubectl.run(root, List.of(args))
			.orElse(new Kubectl.Result(-1, "", "kubectl is no longer on the PATH"));
	}

	private static String number(Object value) {
		return (value != null) ? String.valueOf(value) : "0";
	}

	private static Map<String, String> deployments() {
		String apply = "not deployed: kubectl kustomize k8s/overlays/local | kubectl apply -f - (lab 08, step 4)";
		Map<String, String> deployments = new LinkedHashMap<>();
		deployments.put("strimzi-cluster-operator", "not installed: kubectl create -f"
				+ " 'https://strimzi.io/install/latest?namespace=orderflow' -n orderflow (lab 08, step 2)");
		for (String name : List.of("schema-registry", "order-service", "inventory-service", "notification-service",
				"mailpit")) {
			deployments.put(name, apply);
		}
		return Collections.unmodifiableMap(deployments);
	}

}

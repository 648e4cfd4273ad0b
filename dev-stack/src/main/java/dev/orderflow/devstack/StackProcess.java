package dev.orderflow.devstack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of the stack: instance {@code k} of a component. The first instance is
 * named like its component ({@code order-service}, {@code kafka}), the others get their
 * number ({@code order-service-2}, {@code kafka-3}): the name of their log, pid file and
 * command line.
 *
 * @param component what runs
 * @param instance 1, 2, ...
 */
public record StackProcess(Component component, int instance) implements Comparable<StackProcess> {

	private static final Pattern NUMBERED = Pattern.compile("(.+)-([2-9]|[1-9][0-9]+)");

	public StackProcess {
		if (instance < 1) {
			throw new IllegalArgumentException("Instances count from 1, not " + instance);
		}
	}

	public static StackProcess first(Component component) {
		return new StackProcess(component, 1);
	}

	public String name() {
		return (this.instance == 1) ? this.component.id() : this.component.id() + "-" + this.instance;
	}

	/** What its port is for, as told to a user whose port is taken. */
	public String purpose() {
		return this.component.purpose() + ((this.instance == 1) ? "" : ", instance " + this.instance);
	}

	/**
	 * The process named {@code name}: a component's id, optionally followed by {@code -k}
	 * (k ≥ 2).
	 */
	public static Optional<StackProcess> byName(String name) {
		Optional<StackProcess> first = Component.byId(name).map(StackProcess::first);
		if (first.isPresent()) {
			return first;
		}
		Matcher numbered = NUMBERED.matcher(name);
		if (!numbered.matches()) {
			return Optional.empty();
		}
		int instance = Integer.parseInt(numbered.group(2));
		return Component.byId(numbered.group(1)).map((component) -> new StackProcess(component, instance));
	}

	@Override
	public int compareTo(StackProcess other) {
		int byComponent = this.component.compareTo(other.component);
		return (byComponent != 0) ? byComponent : Integer.compare(this.instance, other.instance);
	}

	@Override
	public String toString() {
		return name();
	}

}

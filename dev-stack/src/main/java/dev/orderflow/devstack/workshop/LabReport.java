package dev.orderflow.devstack.workshop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lab check N} found: one {@code OK}/{@code MISSING} line per step as it
 * goes, and the hints for what is missing at the end.
 */
final class LabReport {

	private final PrintStream out;

	private final List<String> missing = new ArrayList<>();

	LabReport(PrintStream out) {
		this.out = out;
	}

	/**
	 * Prints the step as OK or MISSING; a missing one is listed at the end with its hint.
	 */
	boolean check(boolean ok, String what, String hint) {
		this.out.println((ok ? "OK    " : "MISSING ") + what);
		if (!ok) {
			this.missing.add(what + ": " + hint);
		}
		return ok;
	}

	/** A line of context under the checks (e.g. which order was found), not a check. */
	void note(String line) {
		this.out.println("      " + line);
	}

	/** The closing lines; the exit code of the command. */
	int finish(String lab) {
		if (this.missing.isEmpty()) {
			this.out.println("Lab " + lab + ": done. Well done!");
			return 0;
		}
		this.out.println("Lab " + lab + ": " + this.missing.size() + " thing(s) missing:");
		this.missing.forEach((what) -> this.out.println("  - " + what));
		return 1;
	}

}

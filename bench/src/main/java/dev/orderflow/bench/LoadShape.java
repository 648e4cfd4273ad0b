package dev.orderflow.bench;

/**
 * How load is offered: at a fixed rate (open model: each unit of work has an intended
 * start time, and latency counts from it, so a stalled system cannot hide its queue) or
 * as fast as a fixed number of units in flight allows (closed model, for maximum
 * throughput).
 *
 * @param mode fixed rate or maximum
 * @param rate units per second ({@link Mode#RATE} only)
 * @param concurrency units in flight at most ({@link Mode#MAX} only)
 */
public record LoadShape(Mode mode, int rate, int concurrency) {

	/** The two ways to offer load. */
	public enum Mode {

		RATE, MAX

	}

	public static LoadShape fixedRate(int rate) {
		return new LoadShape(Mode.RATE, rate, 0);
	}

	public static LoadShape maximum(int concurrency) {
		return new LoadShape(Mode.MAX, 0, concurrency);
	}

	/** {@code rate 200/s} or {@code max (64 in flight)}. */
	public String describe() {
		return (this.mode == Mode.RATE) ? "rate " + this.rate + "/s" : "max (" + this.concurrency + " in flight)";
	}

	/** {@code rate-200} or {@code max-64}, for keys in the reports. */
	public String key() {
		return (this.mode == Mode.RATE) ? "rate-" + this.rate : "max-" + this.concurrency;
	}

}

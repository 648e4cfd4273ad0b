package dev.orderflow.bench;

/**
 * What the load goes to: the saga or the raw relay. {@link #send} starts one unit of work
 * and returns at once; whoever observes its end calls the {@link Completion}.
 */
interface Target extends AutoCloseable {

	/** A short name for the reports: {@code saga} or {@code raw}. */
	String name();

	void send(Completion completion);

	@Override
	void close();

}

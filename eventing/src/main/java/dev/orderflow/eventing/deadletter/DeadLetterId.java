package dev.orderflow.eventing.deadletter;

import java.util.Optional;

/**
 * Where a dead letter sits: {@code <dltTopic>-<partition>-<offset>}, e.g.
 * {@code orders.DLT-2-17}. Topic names may contain dashes themselves, so the id is parsed
 * from the right.
 *
 * @param dltTopic the dead-letter topic
 * @param partition its partition
 * @param offset the record's offset in that partition
 */
public record DeadLetterId(String dltTopic, int partition, long offset) {

	/**
	 * Parses an id; empty when it does not have the form
	 * {@code <topic>-<partition>-<offset>}.
	 */
	public static Optional<DeadLetterId> parse(String id) {
		int offsetDash = id.lastIndexOf('-');
		int partitionDash = (offsetDash > 0) ? id.lastIndexOf('-', offsetDash - 1) : -1;
		if (partitionDash <= 0) {
			return Optional.empty();
		}
		try {
			int partition = Integer.parseInt(id.substring(partitionDash + 1, offsetDash));
			long offset = Long.parseLong(id.substring(offsetDash + 1));
			if (partition < 0 || offset < 0) {
				return Optional.empty();
			}
			return Optional.of(new DeadLetterId(id.substring(0, partitionDash), partition, offset));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.dltTopic + "-" + this.partition + "-" + this.offset;
	}

}

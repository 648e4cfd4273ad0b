package dev.orderflow.eventing.retention;

import java.util.List;

/**
 * One table of what a service keeps about settled orders, and when a row of it counts as
 * settled: the orders (with their lines, history and idempotency keys) in order-service,
 * the reservations (with their lines) in inventory-service, the notifications and order
 * owners in notification-service. Each service declares its own as beans;
 * {@link SettledRecordsPurge} deletes their rows once they are older than the retention
 * (ADR 0021). The names and the condition become SQL as they are: they come from the
 * services' code, never from input.
 *
 * @param name for logs and the {@code orderflow.retention.purged} counter's tag
 * @param table the table
 * @param key its primary key column
 * @param settledAt the column that says when the row last changed
 * @param condition SQL that a row must also meet to count as settled (an order that can
 * still change never does), or none
 * @param dependents tables whose rows point at the key through a column of the same name
 * as the {@code foreignKey}, deleted first
 * @param foreignKey the column by which dependents point at a row
 * @param outlivesRedeliveries whether the rows must also outlive every redelivery of the
 * events that change them: true in the services downstream of order-service, where an
 * event about an order (a cancel requested just before order-service deleted the order)
 * can still arrive after the order settled there; they are kept for the inbox's retention
 * (which covers every redelivery, ADR 0015) on top of the settled-order retention
 */
public record SettledRecords(String name, String table, String key, String settledAt, String condition,
		List<String> dependents, String foreignKey, boolean outlivesRedeliveries) {

	public SettledRecords {
		dependents = List.copyOf(dependents);
	}

	/** The rows of {@code table} whose {@code settledAt} is older than the retention. */
	public static SettledRecords table(String name, String table, String key, String settledAt) {
		return new SettledRecords(name, table, key, settledAt, null, List.of(), null, false);
	}

	/** Only the rows that also meet this SQL condition count as settled. */
	public SettledRecords where(String sqlCondition) {
		return new SettledRecords(this.name, this.table, this.key, this.settledAt, sqlCondition, this.dependents,
				this.foreignKey, this.outlivesRedeliveries);
	}

	/** The rows of these tables whose {@code foreignKey} names a deleted row go first. */
	public SettledRecords withDependents(String foreignKey, String... tables) {
		return new SettledRecords(this.name, this.table, this.key, this.settledAt, this.condition, List.of(tables),
				foreignKey, this.outlivesRedeliveries);
	}

	/** Kept an inbox retention longer: see {@link #outlivesRedeliveries()}. */
	public SettledRecords outlivingRedeliveries() {
		return new SettledRecords(this.name, this.table, this.key, this.settledAt, this.condition, this.dependents,
				this.foreignKey, true);
	}

	/** Up to {@code limit} keys of settled rows, oldest first (an index on settledAt). */
	String oldestSql(int limit) {
		return "SELECT " + this.key + " FROM " + this.table + " WHERE" + settledBeforeCutoff() + " ORDER BY "
				+ this.settledAt + " FETCH FIRST " + limit + " ROWS ONLY";
	}

	/**
	 * Locks the rows of {@code :keys} that still count as settled, in key order as every
	 * purging instance does: one that changed since it was found (a cancel reached the
	 * order) is kept.
	 */
	String lockStillSettledSql() {
		return "SELECT " + this.key + " FROM " + this.table + " WHERE " + this.key + " IN (:keys) AND"
				+ settledBeforeCutoff() + " ORDER BY " + this.key + " FOR UPDATE";
	}

	List<String> deleteDependentsSql() {
		return this.dependents.stream()
			.map((dependent) -> "DELETE FROM " + dependent + " WHERE " + this.foreignKey + " IN (:keys)")
			.toList();
	}

	String deleteSql() {
		return "DELETE FROM " + this.table + " WHERE " + this.key + " IN (:keys)";
	}

	private String settledBeforeCutoff() {
		String old = " " + this.settledAt + " < :cutoff";
		return (this.condition != null) ? " (" + this.condition + ") AND" + old : old;
	}

}

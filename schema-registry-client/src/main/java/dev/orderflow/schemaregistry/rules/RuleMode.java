package dev.orderflow.schemaregistry.rules;

/**
 * When a rule runs: domain rules when a record is written ({@code WRITE}), read
 * ({@code READ}) or both ({@code WRITEREAD}); migration rules when a reader upgrades or
 * downgrades between versions ({@code UPGRADE}, {@code DOWNGRADE}, {@code UPDOWN}).
 */
public enum RuleMode {

	UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD;

	/** Whether a rule of this mode runs when a record is serialized. */
	public boolean onWrite() {
		return this == WRITE || this == WRITEREAD;
	}

	/** Whether a rule of this mode runs when a record is deserialized. */
	public boolean onRead() {
		return this == READ || this == WRITEREAD;
	}

}

package dev.orderflow.registry.store;

/**
 * One version of a subject: which globally identified schema it holds and whether it was soft
 * deleted.
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

	public SchemaVersion softDeleted() {
		return new SchemaVersion(this.subject, this.version, this.id, this.schema, true);
	}

}

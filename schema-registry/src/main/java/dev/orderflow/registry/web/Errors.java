package dev.orderflow.registry.web;

import org.springframework.http.HttpStatus;

/**
 * Confluent's error codes and messages, in one place so every resource answers alike.
 */
public final class Errors {

	private Errors() {
	}

	public static RegistryException subjectNotFound(String subject) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40401, "Subject '" + subject + "' not found.");
	}

	public static RegistryException versionNotFound(int version) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40402, "Version " + version + " not found.");
	}

	public static RegistryException schemaNotFound() {
		return new RegistryException(HttpStatus.NOT_FOUND, 40403, "Schema not found");
	}

	public static RegistryException schemaNotFound(int id) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40403, "Schema " + id + " not found");
	}

	public static RegistryException subjectSoftDeleted(String subject) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40404,
				"Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
	}

	public static RegistryException subjectNotSoftDeleted(String subject) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40405,
				"Subject '" + subject + "' was not deleted first before being permanently deleted");
	}

	public static RegistryException versionSoftDeleted(String subject, int version) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40406, "Subject '" + subject + "' Version " + version
				+ " was soft deleted.Set permanent=true to delete permanently");
	}

	public static RegistryException versionNotSoftDeleted(String subject, int version) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40407, "Subject '" + subject + "' Version " + version
				+ " was not deleted first before being permanently deleted");
	}

	public static RegistryException subjectCompatibilityNotConfigured(String subject) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40408,
				"Subject '" + subject + "' does not have subject-level compatibility configured");
	}

	public static RegistryException subjectModeNotConfigured(String subject) {
		return new RegistryException(HttpStatus.NOT_FOUND, 40409,
				"Subject '" + subject + "' does not have subject-level mode configured");
	}

	public static RegistryException incompatibleSchema(String message) {
		return new RegistryException(HttpStatus.CONFLICT, 409, message);
	}

	public static RegistryException invalidSchema(String message) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42201, message);
	}

	/** Confluent answers a bad rule set as an invalid schema (42201). */
	public static RegistryException invalidRuleSet(String message) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42201, message);
	}

	public static RegistryException invalidVersion(String version) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42202, "The specified version '" + version
				+ "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
	}

	public static RegistryException invalidCompatibilityLevel(String level) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42203,
				"Invalid compatibility level '" + level
						+ "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive,"
						+ " and full_transitive");
	}

	public static RegistryException invalidMode(String mode) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42204,
				"Invalid mode '" + mode + "'. Valid values are READWRITE, READONLY and IMPORT");
	}

	public static RegistryException operationNotPermitted(String message) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42205, message);
	}

	public static RegistryException idDoesNotMatch(int id) {
		return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42207,
				"Overwrite new schema with id " + id + " is not permitted.");
	}

	public static RegistryException readOnly(String subject) {
		return operationNotPermitted("Subject " + subject + " is in read-only mode");
	}

	public static RegistryException storeError(String message, Throwable cause) {
		return new RegistryException(HttpStatus.INTERNAL_SERVER_ERROR, 50001, message, cause);
	}

	public static RegistryException forwardingFailed(String message) {
		return new RegistryException(HttpStatus.INTERNAL_SERVER_ERROR, 50003, message);
	}

	public static RegistryException unknownLeader(String message) {
		return new RegistryException(HttpStatus.INTERNAL_SERVER_ERROR, 50004, message);
	}

	public static RegistryException timeout(String message, Throwable cause) {
		return new RegistryException(HttpStatus.INTERNAL_SERVER_ERROR, 50002, message, cause);
	}

}

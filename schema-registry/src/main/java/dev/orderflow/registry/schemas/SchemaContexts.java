package dev.orderflow.registry.schemas;

/**
 * Confluent's qualified subject names ({@code :.context:subject}). This registry keeps
 * every schema in the default context ({@code .}), so only that context can hold an id.
 */
final class SchemaContexts {

	private static final String DEFAULT_CONTEXT = ".";

	private SchemaContexts() {
	}

	/** Whether a subject hint names a context other than the default one. */
	static boolean namesOtherContext(String subject) {
		if (subject == null || !subject.startsWith(":.")) {
			return false;
		}
		int end = subject.indexOf(':', 1);
		String context = (end < 0) ? subject.substring(1) : subject.substring(1, end);
		return !context.equals(DEFAULT_CONTEXT);
	}

}

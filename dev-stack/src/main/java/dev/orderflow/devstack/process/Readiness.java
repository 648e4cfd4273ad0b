package dev.orderflow.devstack.process;

/**
 * Tells whether a started process serves its purpose yet. Called repeatedly while
 * waiting.
 */
@FunctionalInterface
public interface Readiness {

	/**
	 * @return true when ready; false, or an exception, when not yet
	 */
	boolean isReady() throws Exception;

	/** Releases what the check holds (e.g. an admin client). */
	default void close() {
	}

}

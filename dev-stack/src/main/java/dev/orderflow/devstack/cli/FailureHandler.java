package dev.orderflow.devstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import dev.orderflow.devstack.process.StartupException;

/**
 * A command that failed for a reason the user can act on (a port in use, a broker that
 * does not answer, a missing jar): one line saying why and exit code 1, not a stack
 * trace. Anything else is a bug and keeps its stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

	static final int FAILED = 1;

	static final int INTERRUPTED = 130;

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult)
			throws Exception {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return INTERRUPTED;
		}
		if (ex instanceof StartupException || ex instanceof IllegalStateException || ex instanceof UncheckedIOException
				|| ex instanceof KafkaException) {
			commandLine.getErr().println("orderflow: " + ex.getMessage());
			return FAILED;
		}
		if (ex instanceof IOException) {
			// an IOException's message alone is often just a path
			commandLine.getErr().println("orderflow: " + ex);
			return FAILED;
		}
		throw ex;
	}

}

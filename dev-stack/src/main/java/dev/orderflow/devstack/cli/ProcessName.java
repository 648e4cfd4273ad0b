package dev.orderflow.devstack.cli;

import picocli.CommandLine.Parameters;

import dev.orderflow.devstack.StackProcess;

/**
 * The {@code NAME} of {@code logs NAME} and {@code kill NAME}: one process of the stack.
 */
final class ProcessName {

	@Parameters(paramLabel = "NAME", converter = ComponentNames.ToProcess.class,
			completionCandidates = ComponentNames.Ids.class,
			description = "the process: a component (kafka, order-service, ...) or NAME-k for instance k (order-service-2, kafka-3)")
	private StackProcess process;

	StackProcess process() {
		return this.process;
	}

}

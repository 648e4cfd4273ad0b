package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;

/**
 * What every command needs: where things are, and where to print.
 */
record Context(Installation installation, DataDir dataDir, PrintStream out, PrintStream err) {

	static Context of(Arguments arguments, PrintStream out, PrintStream err) {
		Installation installation = Installation.locate();
		Path dataDir = arguments.dataDir().orElseGet(() -> LocalStack.defaultDataDir(installation.repoRoot()));
		return new Context(installation, new DataDir(dataDir), out, err);
	}

}

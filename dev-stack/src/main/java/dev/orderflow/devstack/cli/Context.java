package dev.orderflow.devstack.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.Terminal;

/**
 * What every stack command needs: where things are, and where to print.
 */
record Context(Installation installation, DataDir dataDir, PrintStream out, PrintStream err) {

	/**
	 * The data directory given, else the default ($ORDERFLOW_HOME, else .orderflow/ in
	 * the repository).
	 */
	static Context of(Path dataDir, Terminal terminal) {
		Installation installation = Installation.locate();
		Path dir = (dataDir != null) ? dataDir : LocalStack.defaultDataDir(installation.repoRoot());
		return new Context(installation, new DataDir(dir), terminal.out(), terminal.err());
	}

}

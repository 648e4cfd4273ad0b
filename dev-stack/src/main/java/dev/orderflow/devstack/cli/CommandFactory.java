package dev.orderflow.devstack.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

import dev.orderflow.devstack.Terminal;

/**
 * Creates the commands with the launcher's {@link Terminal}, so a command prints where
 * the caller (the script, or a test) reads; everything else picocli needs comes from its
 * default factory.
 */
final class CommandFactory implements IFactory {

	private final Terminal terminal;

	CommandFactory(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		Constructor<K> withTerminal;
		try {
			withTerminal = type.getDeclaredConstructor(Terminal.class);
		}
		catch (NoSuchMethodException ex) {
			return CommandLine.defaultFactory().create(type);
		}
		withTerminal.setAccessible(true);
		return withTerminal.newInstance(this.terminal);
	}

}

package dev.orderflow.devstack.cli;

import java.util.ArrayList;
import java.util.Arrays;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.StackProcess;

/**
 * The names of the stack's components and processes on the command line
 * ({@code --only kafka,smtp}, {@code logs order-service-2}): their conversion, with the
 * valid names in the error, and the candidates shell completion offers.
 */
final class ComponentNames {

	private ComponentNames() {
	}

	/** A component by its id, e.g. {@code kafka}. */
	static final class ToComponent implements ITypeConverter<Component> {

		@Override
		public Component convert(String id) {
			return Component.byId(id)
				.orElseThrow(
						() -> new TypeConversionException("Unknown component " + id + "; one of: " + Component.ids()));
		}

	}

	/**
	 * A process by its name: a component's id, or {@code NAME-k} for instance k of a
	 * scaled-out stack.
	 */
	static final class ToProcess implements ITypeConverter<StackProcess> {

		@Override
		public StackProcess convert(String name) {
			return StackProcess.byName(name)
				.orElseThrow(() -> new TypeConversionException("Unknown component " + name + "; one of: "
						+ Component.ids() + " (instance k of a scaled-out stack: NAME-k, e.g. order-service-2)"));
		}

	}

	/** What shell completion offers: every component's id. */
	static final class Ids extends ArrayList<String> {

		Ids() {
			Arrays.stream(Component.values()).map(Component::id).forEach(this::add);
		}

	}

}

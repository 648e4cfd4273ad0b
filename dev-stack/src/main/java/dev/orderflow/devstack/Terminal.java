package dev.orderflow.devstack;

import java.io.PrintStream;

/**
 * Where a command of {@code ./orderflow} prints: the launcher's streams, which tests
 * replace to assert what a user sees.
 *
 * @param out results
 * @param err errors and advice
 */
public record Terminal(PrintStream out, PrintStream err) {

}

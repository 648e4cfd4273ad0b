/**
 * The {@code ./orderflow} command line on picocli
 * ({@link dev.orderflow.devstack.cli.Launcher}) and the stack's commands: {@code up},
 * {@code down}, {@code status}, {@code logs}, {@code kill}, {@code mail}, {@code token},
 * {@code dlt}, {@code bench} and {@code completion}, over
 * {@link dev.orderflow.devstack.LocalStack}. The workshop's commands live in
 * {@link dev.orderflow.devstack.workshop}.
 */
package dev.orderflow.devstack.cli;

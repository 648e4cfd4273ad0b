/**
 * The {@code ./orderflow} command line: {@code up}, {@code down}, {@code status},
 * {@code logs}, {@code mail} and {@code help}, over {@link dev.orderflow.devstack.LocalStack}.
 */
package dev.orderflow.devstack.cli;

/**
 * The workshop around the local stack: {@code doctor} (is this laptop ready?),
 * {@code lab check N} (a learner's result of docs/labs/, one checker per lab) and
 * {@code events TOPIC}. It reads the running stack over HTTP, Kafka and its logs;
 * starting and stopping processes is the {@code dev.orderflow.devstack.cli} commands'
 * job.
 */
package dev.orderflow.devstack.workshop;

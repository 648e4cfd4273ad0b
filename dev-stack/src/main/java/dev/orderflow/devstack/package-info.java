/**
 * The one-command local platform: a real KRaft Kafka broker, an SMTP catcher, the schema
 * registry and the services, each as its own OS process, driven by
 * {@link dev.orderflow.devstack.LocalStack}.
 */
package dev.orderflow.devstack;

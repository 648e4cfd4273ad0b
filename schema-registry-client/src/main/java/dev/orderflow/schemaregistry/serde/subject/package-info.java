/**
 * Subject name strategies: which registry subject a record's schema belongs to.
 * Confluent's class names ({@code io.confluent.kafka.serializers.subject.*}) are accepted
 * in configuration and mapped to these.
 */
package dev.orderflow.schemaregistry.serde.subject;

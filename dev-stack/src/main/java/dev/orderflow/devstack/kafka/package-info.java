/**
 * The local Kafka broker: a real single-node KRaft cluster (broker and controller in one
 * process), its configuration, its storage formatted once, and the topics of the saga.
 */
package dev.orderflow.devstack.kafka;

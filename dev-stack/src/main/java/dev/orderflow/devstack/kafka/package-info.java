/**
 * The local Kafka cluster: real KRaft nodes (broker and controller in one process), one
 * by default or three, their configuration, their storage formatted once, and the saga's
 * topics.
 */
package dev.orderflow.devstack.kafka;

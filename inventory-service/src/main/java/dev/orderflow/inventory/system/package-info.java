/**
 * Cross-cutting wiring of the service: HTTP problem details and Kafka topics.
 */
package dev.orderflow.inventory.system;

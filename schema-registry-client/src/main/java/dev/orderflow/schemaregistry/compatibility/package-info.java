/**
 * Confluent's compatibility levels and the Avro rules behind them, shared by the registry
 * server and the build's schema history check so both refuse exactly the same changes.
 */
package dev.orderflow.schemaregistry.compatibility;

/**
 * Data contracts: the metadata (tags such as {@code PII}) and rules (CEL conditions)
 * registered with a schema version, and their evaluation when records are written and
 * read.
 */
package dev.orderflow.schemaregistry.rules;

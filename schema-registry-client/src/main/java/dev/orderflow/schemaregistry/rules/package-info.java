/**
 * Data contracts: the metadata (tags such as {@code PII}) and rules ({@code CEL} and
 * {@code CEL_FIELD} conditions and transforms, {@code JSONATA} migrations) registered
 * with a schema version, and their evaluation when records are written and read.
 */
package dev.orderflow.schemaregistry.rules;

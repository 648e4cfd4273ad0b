/**
 * Dry-run compatibility checks of a candidate schema against a subject's versions.
 */
package dev.orderflow.registry.compatibility;

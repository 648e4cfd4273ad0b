/**
 * Compatibility levels, global and per subject.
 */
package dev.orderflow.registry.config;

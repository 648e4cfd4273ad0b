/**
 * Schemas by global id, and how candidate schemas are parsed and put in canonical form.
 */
package dev.orderflow.registry.schemas;

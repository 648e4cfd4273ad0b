/**
 * Subjects and their versions: register, look up, list and delete.
 */
package dev.orderflow.registry.subjects;

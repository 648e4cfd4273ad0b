/**
 * Registry modes (READWRITE, READONLY, IMPORT), global and per subject.
 */
package dev.orderflow.registry.mode;

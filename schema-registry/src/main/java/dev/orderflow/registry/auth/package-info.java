/**
 * Optional HTTP basic authentication with two roles: read-only and read-write.
 */
package dev.orderflow.registry.auth;

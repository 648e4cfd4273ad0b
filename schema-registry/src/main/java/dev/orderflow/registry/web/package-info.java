/**
 * HTTP plumbing shared by every resource: Confluent's media types and error bodies.
 */
package dev.orderflow.registry.web;

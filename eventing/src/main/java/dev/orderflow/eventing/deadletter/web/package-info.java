/**
 * The dead-letter HTTP API ({@code /api/dead-letters}) that every servlet-based service
 * gets from the eventing module.
 */
package dev.orderflow.eventing.deadletter.web;

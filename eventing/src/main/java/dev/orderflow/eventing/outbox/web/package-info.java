/**
 * The HTTP side of the outbox: the events it set aside, listed beside the dead letters.
 */
package dev.orderflow.eventing.outbox.web;

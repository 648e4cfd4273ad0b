/**
 * Checks, before anything starts, that every port of the stack is free on 127.0.0.1, and
 * names the process holding a port that is not.
 */
package dev.orderflow.devstack.ports;

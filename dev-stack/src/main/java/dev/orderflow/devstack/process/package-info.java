/**
 * Child processes of the local stack: how they are launched, when they are ready, their
 * pid files and logs, and how they are stopped (gracefully, then forcibly).
 */
package dev.orderflow.devstack.process;

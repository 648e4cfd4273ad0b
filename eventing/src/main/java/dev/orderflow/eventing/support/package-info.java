/**
 * Small pieces the features of eventing, and the services, share:
 * {@link dev.orderflow.eventing.support.BackgroundScheduler}.
 */
package dev.orderflow.eventing.support;

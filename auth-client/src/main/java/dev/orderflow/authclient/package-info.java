/**
 * Obtaining access tokens from the authorization server the way a user does: through its
 * login form and the authorization code flow with PKCE. Used by
 * {@code ./orderflow token}, the CLI's own API calls, the bench and the system tests.
 */
package dev.orderflow.authclient;

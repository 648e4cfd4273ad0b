/**
 * The authorization server: demo users, the console's and the CLI's public clients, and
 * the claims every access token carries ({@code sub}, {@code roles}, {@code aud}).
 */
package dev.orderflow.auth;

/**
 * Who may call the services' HTTP APIs: each service is an OAuth2 resource server
 * accepting the JWTs of one issuer for one audience (ADR 0016), with the rules common to
 * all three (open health, operator-only dead letters) here and each service's own rules
 * in an {@link dev.orderflow.eventing.security.ApiRules} bean.
 */
package dev.orderflow.eventing.security;

package dev.orderflow.eventing;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every MockMvc request of the tests of eventing and of the services (which use its test
 * jar) carries a token of customer c-1 who is also an operator, unless the test signs in
 * as someone else with {@code .with(jwt()...)}: tests of behaviour need not repeat a
 * token. Who may do what is tested with other callers (the controller tests' customer
 * cases) and by the system tests' role matrix against the real authorization server.
 */
@AutoConfiguration
public class SignedInByDefault {

	@Bean
	MockMvcBuilderCustomizer signedInByDefault() {
		return (builder) -> builder.defaultRequest(get("/").with(jwt()
			.jwt((token) -> token.subject("c-1").claim("roles", List.of("customer", "operator")))
			.authorities(new SimpleGrantedAuthority("ROLE_customer"), new SimpleGrantedAuthority("ROLE_operator"))));
	}

}

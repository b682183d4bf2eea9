package nl.luister.collab.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The filter chain of {@code /shared/**}, the forward links: no sign-in (the signed token is the credential, checked
 * by {@code Forwards.open}), no session, GET only, and a policy stricter than the app's: no script at all, no forms,
 * no framing, no referrer.
 */
@Configuration(proxyBeanMethods = false)
class SharedCaseSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
			+ "form-action 'none'; frame-ancestors 'none'";

	@Bean
	@Order(0)
	SecurityFilterChain sharedCases(HttpSecurity http) throws Exception {
		http.securityMatcher("/shared/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(org.springframework.http.HttpMethod.GET, "/shared/**").permitAll()
				.anyRequest().denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}
}

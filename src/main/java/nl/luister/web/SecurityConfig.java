package nl.luister.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may see what. Three filter chains: {@code /hooks/**} for webhook senders (public: authenticated by the
 * webhook signature in the controller, stateless, no CSRF), {@code /api/**} for machines (HTTP Basic, stateless,
 * no CSRF, JSON 401/403) and everything else for people (form login, session, CSRF, strict security headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/**
	 * No inline script anywhere: hostile HTML in a customer's post could not run even if it were ever
	 * rendered unescaped. All JavaScript lives in static files; styles too (use classes, not style="").
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Publishes the end of every web session as an event (routing sets an agent whose session timed out offline). */
	@Bean
	static org.springframework.security.web.session.HttpSessionEventPublisher sessionEvents() {
		return new org.springframework.security.web.session.HttpSessionEventPublisher();
	}

	@Bean
	@Order(0)
	SecurityFilterChain hooks(HttpSecurity http) throws Exception {
		http.securityMatcher("/hooks/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(apiUnauthorized()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(apiUnauthorized())
				.accessDeniedHandler(apiForbidden()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/login", "/error").permitAll()
			.requestMatchers("/admin/teams", "/admin/teams/**").hasAnyRole("ADMIN", "LEAD")
			.requestMatchers("/admin/sla", "/admin/sla/**").hasAnyRole("ADMIN", "LEAD")
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(uiUnauthorized()))
			// Explicit although it is close to the default: a new session id at sign-in defeats fixation.
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	private static AuthenticationEntryPoint uiUnauthorized() {
		var login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			// An htmx request after the session ended would swap the login page into a fragment: move the whole page.
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", request.getContextPath() + login.getLoginFormUrl());
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	private static AuthenticationEntryPoint apiUnauthorized() {
		return (request, response, exception) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Luister\"");
			writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized");
		};
	}

	private static AccessDeniedHandler apiForbidden() {
		return (request, response, exception) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
	}

	// Written by hand: security errors happen before MVC, and the body is fixed text.
	private static void writeProblem(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + error + "\",\"status\":" + status + ",\"error\":\""
					+ error + "\"}");
	}
}

package nl.luister.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(ErrorHandlingIntegrationTests.Things.class)
class ErrorHandlingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void showsFriendlyPageForFeatureNotFound() throws Exception {
		this.mvc.perform(get("/test-things/12").with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("Not found")))
			.andExpect(content().string(containsString("There is no thing 12.")))
			.andExpect(content().string(containsString("href=\"/admin/users\"")));
	}

	@Test
	void showsTranslatedErrorPage() throws Exception {
		this.mvc.perform(get("/test-things/12").param("lang", "nl").with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Niet gevonden")));
	}

	@Test
	void answersApiNotFoundWithProblemDocument() throws Exception {
		this.mvc.perform(get("/api/test-things/12").with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.error").value("There is no thing 12."));
	}

	@Test
	void showsFriendlyPageForUnknownPath() throws Exception {
		this.mvc.perform(get("/no/such/page").with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void showsFriendlyPageWithoutDetailsForServerErrors() throws Exception {
		// MockMvc has no servlet container to forward a failure to /error, so the forward is staged here.
		this.mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/about")
			.accept(MediaType.TEXT_HTML)
			.with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(containsString("Something went wrong on our side")))
			.andExpect(content().string(containsString("href=\"/about?lang=nl\"")))
			.andExpect(content().string(not(containsString("secret detail"))));
	}

	static class ThingNotFound extends NotFound {

		ThingNotFound(String id) {
			super("There is no thing " + id + ".");
		}
	}

	@Controller
	static class Things {

		@GetMapping({ "/test-things/{id}", "/api/test-things/{id}" })
		@ResponseBody
		String thing(@PathVariable String id) {
			throw new ThingNotFound(id);
		}
	}
}

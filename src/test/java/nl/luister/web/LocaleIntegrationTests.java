package nl.luister.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LocaleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void rendersDutchForDutchBrowser() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Inloggen bij Luister")))
			.andExpect(content().string(containsString("lang=\"nl\"")));
	}

	@Test
	void picksFirstSupportedBrowserLanguage() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9,nl;q=0.8,en;q=0.5"))
			.andExpect(content().string(containsString("Inloggen bij Luister")));
	}

	@Test
	void fallsBackToEnglish() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "fr-FR,fr;q=0.9"))
			.andExpect(content().string(containsString("Sign in to Luister")));
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("Sign in to Luister")));
	}

	@Test
	void switchesWithParameterAndRemembersInCookie() throws Exception {
		this.mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("Sign in to Luister")))
			.andExpect(cookie().value("luister-lang", "en"));
		this.mvc.perform(get("/login").param("lang", "nl"))
			.andExpect(content().string(containsString("Inloggen bij Luister")))
			.andExpect(cookie().value("luister-lang", "nl"));
	}

	@Test
	void cookieWinsOverBrowserLanguage() throws Exception {
		this.mvc.perform(get("/login").cookie(new Cookie("luister-lang", "en")).header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("Sign in to Luister")));
	}

	@Test
	void ignoresUnsupportedLanguageParameter() throws Exception {
		this.mvc.perform(get("/login").param("lang", "fr").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("luister-lang"))
			.andExpect(content().string(containsString("Inloggen bij Luister")))
			.andExpect(content().string(not(containsString("??"))));
	}
}

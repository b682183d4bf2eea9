package nl.luister.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class StaticAssetsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void servesHtmxFromItsWebjarWithoutVersionAndWithoutSignIn() throws Exception {
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("htmx")));
	}

	@Test
	void servesHtmxSseExtensionWithoutVersion() throws Exception {
		this.mvc.perform(get("/webjars/htmx-ext-sse/sse.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sse")));
	}

	@Test
	void servesOwnStylesAndScriptsWithoutSignIn() throws Exception {
		this.mvc.perform(get("/css/luister.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/luister.js")).andExpect(status().isOk());
		this.mvc.perform(get("/img/luister.svg")).andExpect(status().isOk());
	}
}

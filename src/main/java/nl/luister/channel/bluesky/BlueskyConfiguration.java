package nl.luister.channel.bluesky;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.http.SafeHttp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Bluesky connector and its reply sender, sharing one session cache. */
@Configuration(proxyBeanMethods = false)
class BlueskyConfiguration {

	@Bean
	BlueskyApi blueskyApi(SafeHttp feedHttp, JsonMapper json) {
		return new BlueskyApi(feedHttp, json, Clock.systemUTC());
	}

	@Bean
	BlueskySource blueskySource(BlueskyApi blueskyApi) {
		return new BlueskySource(blueskyApi);
	}

	@Bean
	BlueskySender blueskySender(BlueskyApi blueskyApi, JsonMapper json) {
		return new BlueskySender(blueskyApi, json, Clock.systemUTC());
	}
}

package nl.luister.channel.mastodon;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.http.SafeHttp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Mastodon connector and its reply sender, sharing one rate-limit-aware API client. */
@Configuration(proxyBeanMethods = false)
class MastodonConfiguration {

	@Bean
	MastodonApi mastodonApi(SafeHttp feedHttp, JsonMapper json) {
		return new MastodonApi(feedHttp, json, Clock.systemUTC());
	}

	@Bean
	MastodonSource mastodonSource(MastodonApi mastodonApi) {
		return new MastodonSource(mastodonApi);
	}

	@Bean
	MastodonSender mastodonSender(MastodonApi mastodonApi, JsonMapper json) {
		return new MastodonSender(mastodonApi, json);
	}
}

package nl.luister.channel.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the push-only webhook connector type. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	WebhookSource webhookSource() {
		return new WebhookSource();
	}
}

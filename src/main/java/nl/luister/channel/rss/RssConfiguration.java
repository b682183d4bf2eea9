package nl.luister.channel.rss;

import nl.luister.channel.http.SafeHttp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the RSS/Atom connector. Feed URLs that resolve to private, loopback or link-local addresses are
 * refused unless {@code luister.sources.allow-private-addresses=true} (tests, intranet feeds).
 */
@Configuration(proxyBeanMethods = false)
class RssConfiguration {

	@Bean(destroyMethod = "close")
	SafeHttp feedHttp(@Value("${luister.sources.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		return new SafeHttp(allowPrivateAddresses);
	}

	@Bean
	RssSource rssSource(SafeHttp feedHttp) {
		return new RssSource(feedHttp);
	}
}

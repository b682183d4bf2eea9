package nl.luister.monitor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matcher behind {@link TopicMatcher}: Lucene's monitor with Luister's presearcher. */
@Configuration(proxyBeanMethods = false)
class MatcherConfiguration {

	@Bean(destroyMethod = "close")
	LuceneTopicMatcher topicMatcher() {
		return new LuceneTopicMatcher();
	}
}

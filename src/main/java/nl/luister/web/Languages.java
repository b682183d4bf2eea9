package nl.luister.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of every page: English or Dutch. A {@code luister-lang} cookie remembers the choice; without
 * it the browser's Accept-Language decides (first of nl or en it names, else English). {@code ?lang=nl} or
 * {@code ?lang=en} on any page switches and sets the cookie.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

	static final String COOKIE = "luister-lang";

	static final String PARAMETER = "lang";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new SupportedLocaleResolver();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(Languages::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	static Locale fromBrowser(HttpServletRequest request) {
		// Without the header the servlet container would answer with its own default locale, not the user's.
		if (request.getHeader("Accept-Language") == null) {
			return Locale.ENGLISH;
		}
		for (Locale locale : Collections.list(request.getLocales())) {
			Locale supported = supported(locale);
			if (supported != null) {
				return supported;
			}
		}
		return Locale.ENGLISH;
	}

	static Locale supported(Locale locale) {
		if (locale == null) {
			return null;
		}
		return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}

	/** Keeps the cookie to the languages Luister speaks: {@code ?lang=fr} changes nothing. */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver() {
			super(COOKIE);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale supported = supported(locale);
			if (locale == null || supported != null) {
				super.setLocale(request, response, supported);
			}
		}
	}
}

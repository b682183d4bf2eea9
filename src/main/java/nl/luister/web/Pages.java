package nl.luister.web;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages the shell owns itself: sign-in and about. */
@Controller
class Pages {

	private final String version;

	Pages(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String implementation = Pages.class.getPackage().getImplementationVersion();
		this.version = properties != null ? properties.getVersion()
				: implementation != null ? implementation : "development";
	}

	@GetMapping("/login")
	String login(Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		return "login";
	}

	@GetMapping("/about")
	String about(Model model) {
		model.addAttribute("version", this.version);
		return "about";
	}
}

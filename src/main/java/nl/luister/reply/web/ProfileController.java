package nl.luister.reply.web;

import nl.luister.account.LuisterUser;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.reply.AgentProfile;
import nl.luister.reply.AgentProfiles;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's own reply profile ({@code /profile/signature}: signature and initials, with a preview per channel) and the
 * trainee switch on the users page ({@code /admin/users/{id}/trainee}, admins only by the security configuration).
 */
@Controller
class ProfileController {

	private final AgentProfiles profiles;
	private final Users users;

	ProfileController(AgentProfiles profiles, Users users) {
		this.profiles = profiles;
		this.users = users;
	}

	@GetMapping("/profile/signature")
	String profile(@AuthenticationPrincipal LuisterUser me, Model model) {
		return page(model, me, profiles.of(me.id().value()), null);
	}

	@PostMapping("/profile/signature")
	String save(@RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String initials,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			profiles.setSignature(me.id().value(), signature, initials);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(422);
			AgentProfile typed = new AgentProfile(me.id().value(), false, signature.length() > 500 ? signature.substring(0, 500) : signature, null);
			return page(model, me, typed, signature.length() > 500 ? "replying.profile.error.signature" : "replying.profile.error.initials");
		}
		redirect.addFlashAttribute("flash", "replying.profile.saved");
		return "redirect:/profile/signature";
	}

	@PostMapping("/admin/users/{id}/trainee")
	String trainee(@PathVariable long id, @RequestParam(defaultValue = "false") boolean trainee, RedirectAttributes redirect) {
		var user = users.findById(new UserId(id)).orElseThrow(() -> new IllegalArgumentException("no user #" + id));
		profiles.setTrainee(id, trainee);
		redirect.addFlashAttribute("flash", trainee ? "replying.trainee.on" : "replying.trainee.off");
		redirect.addFlashAttribute("flashArgument", user.username());
		return "redirect:/admin/users";
	}

	private String page(Model model, LuisterUser me, AgentProfile profile, String error) {
		model.addAttribute("profile", profile);
		model.addAttribute("error", error);
		model.addAttribute("shortPreview", profiles.suffix(me.id().value(), Channel.MASTODON));
		model.addAttribute("longPreview", profiles.suffix(me.id().value(), Channel.EMAIL));
		return "replying/profile";
	}
}

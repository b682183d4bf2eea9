package nl.luister.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.luister.account.LuisterUser;
import nl.luister.account.Role;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.account.UsernameTaken;

/** Lists users and adds agents and admins; {@code /admin/**} is for admins only (see the security config). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final int MIN_PASSWORD = 12;

	private final Users users;

	UserAdminController(Users users) {
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("newUser")) {
			model.addAttribute("newUser", new NewUser("", "", "", Role.AGENT));
		}
		model.addAttribute("users", this.users.list());
		model.addAttribute("roles", Role.values());
		return "account/users";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newUser") NewUser form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.users.create(form.username().strip(), form.password(), form.role(), form.displayName());
				redirect.addFlashAttribute("flash", "users.created");
				redirect.addFlashAttribute("flashArgument", form.username().strip());
				return "redirect:/admin/users";
			}
			catch (UsernameTaken ex) {
				result.rejectValue("username", "users.username.taken");
			}
		}
		return list(model);
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password,
			RedirectAttributes redirect) {
		if (password == null || password.length() < MIN_PASSWORD) {
			redirect.addFlashAttribute("flashError", "users.password.tooShort");
			return "redirect:/admin/users";
		}
		var user = this.users.findById(new UserId(id)).orElseThrow(() -> new UserNotFound(id));
		this.users.setPassword(user.id(), password);
		redirect.addFlashAttribute("flash", "users.passwordChanged");
		redirect.addFlashAttribute("flashArgument", user.username());
		return "redirect:/admin/users";
	}

	/**
	 * Disables or enables sign-in. A disabled user's unresolved cases go back to routing (see {@code UserLeaving});
	 * admins cannot disable themselves.
	 */
	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal LuisterUser me,
			RedirectAttributes redirect) {
		var user = this.users.findById(new UserId(id)).orElseThrow(() -> new UserNotFound(id));
		if (!enabled && user.id().equals(me.id())) {
			redirect.addFlashAttribute("flashError", "users.self");
			return "redirect:/admin/users";
		}
		this.users.setEnabled(user.id(), enabled);
		redirect.addFlashAttribute("flash", enabled ? "users.enabledNow" : "users.disabledNow");
		redirect.addFlashAttribute("flashArgument", user.username());
		return "redirect:/admin/users";
	}

	/** Deletes a user; their unresolved cases go back to routing first. Admins cannot delete themselves. */
	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		var user = this.users.findById(new UserId(id)).orElseThrow(() -> new UserNotFound(id));
		if (user.id().equals(me.id())) {
			redirect.addFlashAttribute("flashError", "users.self");
			return "redirect:/admin/users";
		}
		this.users.delete(user.id());
		redirect.addFlashAttribute("flash", "users.deleted");
		redirect.addFlashAttribute("flashArgument", user.username());
		return "redirect:/admin/users";
	}

	record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*") String username,
			@Size(max = 120) String displayName, @NotNull @Size(min = MIN_PASSWORD, max = 200) String password,
			@NotNull Role role) {
	}
}

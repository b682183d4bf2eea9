package nl.luister.channel.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.luister.channel.Channel;
import nl.luister.channel.OwnedAccounts;

/**
 * {@code /admin/accounts} (admins only, like everything under {@code /admin}): the accounts the organisation owns per
 * channel, each webcare or marketing. Posts by them are the organisation's replies, never customer mentions.
 */
@Controller
class OwnedAccountsController {

	private final OwnedAccounts owned;

	OwnedAccountsController(OwnedAccounts owned) {
		this.owned = owned;
	}

	@GetMapping("/admin/accounts")
	String page(Model model) {
		model.addAttribute("accounts", owned.listed());
		model.addAttribute("channels", Channel.values());
		return "channels/accounts";
	}

	@PostMapping("/admin/accounts")
	String add(@RequestParam String channel, @RequestParam String handle, @RequestParam(defaultValue = "WEBCARE") String role,
			RedirectAttributes redirect) {
		try {
			owned.add(Channel.parse(channel), handle, role);
			redirect.addFlashAttribute("flash", "channels.accounts.added");
			redirect.addFlashAttribute("flashArgument", handle.strip());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "channels.accounts.invalid");
			redirect.addFlashAttribute("flashArgument", e.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		owned.remove(id);
		redirect.addFlashAttribute("flash", "channels.accounts.removed");
		return "redirect:/admin/accounts";
	}
}

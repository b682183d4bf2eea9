package nl.luister.customer.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.luister.account.LuisterUser;
import nl.luister.customer.CrmFields;
import nl.luister.customer.Customers;
import nl.luister.customer.InfluenceTiers;
import nl.luister.customer.LinkConfirmations;
import nl.luister.customer.MergeRefused;
import nl.luister.customer.Person;
import nl.luister.customer.PersonLinks;
import nl.luister.customer.PersonPanelModel;
import nl.luister.customer.PersonPrivacy;
import nl.luister.customer.TierExplanations;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person pages: {@code /persons} (search, and the admins' recompute button) and {@code /persons/{id}}
 * (accounts, tier with its explanation, CRM fields, suggestions, merge and undo, timeline, export, erase).
 * Every action is a plain form post answered with a redirect and a flash message.
 */
@Controller
class PersonsController {

	private final Customers customers;
	private final PersonLinks links;
	private final PersonPrivacy privacy;
	private final InfluenceTiers tiers;
	private final TierExplanations explanations;
	private final LinkConfirmations confirmations;
	private final MessageSource messages;

	PersonsController(Customers customers, PersonLinks links, PersonPrivacy privacy, InfluenceTiers tiers, TierExplanations explanations,
			LinkConfirmations confirmations, MessageSource messages) {
		this.confirmations = confirmations;
		this.messages = messages;
		this.customers = customers;
		this.links = links;
		this.privacy = privacy;
		this.tiers = tiers;
		this.explanations = explanations;
	}

	/** A person with their accounts, as a list shows them. */
	record Row(Person person, String handles) {
	}

	@GetMapping("/persons")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("rows", rows(customers.search(q, 50)));
		return "customer/persons";
	}

	@GetMapping("/persons/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
		Person p = customers.person(id);
		if (p.id() != id) return "redirect:/persons/" + p.id();
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("p", p);
		model.addAttribute("tierText", explanations.explain(p, locale));
		model.addAttribute("identities", customers.identitiesOf(id));
		model.addAttribute("suggestions", customers.suggestions(id));
		model.addAttribute("merges", links.mergesOf(id));
		model.addAttribute("timeline", customers.timeline(id, 200));
		model.addAttribute("cases", customers.casesOf(id, 20));
		model.addAttribute("q", q);
		model.addAttribute("candidates", q.isBlank() ? List.of() : rows(customers.search(q, 20).stream().filter(c -> c.id() != id).toList()));
		model.addAttribute("fmt", new PersonPanelModel.Times(locale));
		return "customer/person";
	}

	@PostMapping("/persons/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String customerNumber, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String segment, @RequestParam(defaultValue = "") String value,
			@RequestParam(defaultValue = "") String contactChannel, @RequestParam(defaultValue = "") String contactTimes,
			@RequestParam(defaultValue = "") String tags, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		try {
			BigDecimal amount = value.isBlank() ? null : new BigDecimal(value.strip().replace(',', '.'));
			Optional<PersonLinks.Merge> linked = customers.updateCrm(id, new CrmFields(displayName, customerNumber, email, segment, amount,
					contactChannel, contactTimes, Arrays.asList(tags.split(","))), me.id().value());
			if (linked.isPresent()) {
				redirect.addFlashAttribute("flash", "customer.person.linkedByEmail");
				redirect.addFlashAttribute("flashArgument", linked.get().id());
			}
			else redirect.addFlashAttribute("flash", "customer.person.saved");
		}
		catch (IllegalArgumentException | MergeRefused e) {
			fail(redirect, e instanceof NumberFormatException ? "value is not a number" : e.getMessage());
		}
		return "redirect:/persons/" + id;
	}

	@PostMapping("/persons/{id}/merge")
	String merge(@PathVariable long id, @RequestParam long other, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		try {
			links.merge(id, other, PersonLinks.Evidence.MANUAL, me.id().value());
			redirect.addFlashAttribute("flash", "customer.person.merged");
		}
		catch (MergeRefused e) {
			fail(redirect, e.getMessage());
		}
		return "redirect:/persons/" + id;
	}

	@PostMapping("/persons/merges/{mergeId}/undo")
	String undo(@PathVariable long mergeId, @RequestParam long back, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		try {
			links.undo(mergeId, me.id().value());
			redirect.addFlashAttribute("flash", "customer.person.undoneFlash");
		}
		catch (MergeRefused e) {
			fail(redirect, e.getMessage());
		}
		return "redirect:/persons/" + back;
	}

	/** A one-time code for a customer-confirmed link, shown once in the flash message. */
	@PostMapping("/persons/{id}/confirmations")
	String confirmation(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		LinkConfirmations.Issued issued = confirmations.create(id, me.id().value());
		redirect.addFlashAttribute("flash", "customers2.confirm.created");
		redirect.addFlashAttribute("flashArgument", issued.code());
		return "redirect:/persons/" + id;
	}

	/**
	 * A fresh one-time code in a short text in the customer's language (that of their latest message in the case),
	 * put in the reply box of one of the person's cases: the agent reads it and sends it like any reply, so the
	 * outbox, approvals and guard-rails apply. The customer then sends the code from their other account.
	 */
	@PostMapping("/persons/{id}/confirmations/reply")
	String confirmationReply(@PathVariable long id, @RequestParam long caseId, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		if (customers.casesOf(id, 200).stream().noneMatch(c -> c.id() == caseId)) {
			fail(redirect, "case " + caseId + " is not a case of this person");
			return "redirect:/persons/" + id;
		}
		LinkConfirmations.Issued issued = confirmations.create(id, me.id().value());
		Locale language = customers.languageOfCase(caseId).filter("nl"::equals).map(Locale::of).orElse(Locale.ENGLISH);
		long hours = Math.max(1, Duration.between(Instant.now(), issued.expiresAt()).plusMinutes(30).toHours());
		redirect.addFlashAttribute("drafts", Map.of("reply", messages.getMessage("customers2.confirm.replyText", new Object[] { issued.code(), hours }, language)));
		redirect.addFlashAttribute("flash", "customers2.confirm.inReply");
		redirect.addFlashAttribute("flashArgument", issued.code());
		return "redirect:/cases/" + caseId;
	}

	@PostMapping("/persons/{id}/erase")
	String erase(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		if (!me.isAdmin()) {
			fail(redirect, "only an admin can erase a person");
			return "redirect:/persons/" + id;
		}
		privacy.erase(id, me.id().value());
		redirect.addFlashAttribute("flash", "customer.person.erased");
		return "redirect:/persons";
	}

	@PostMapping("/persons/tiers/recompute")
	String recompute(@AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		if (me.isAdmin()) {
			InfluenceTiers.Summary s = tiers.recompute(Instant.now());
			redirect.addFlashAttribute("flash", "customer.list.recomputed");
			redirect.addFlashAttribute("flashArgument", s.persons());
		}
		return "redirect:/persons";
	}

	private static void fail(RedirectAttributes redirect, String reason) {
		redirect.addFlashAttribute("flashError", "customer.person.error");
		redirect.addFlashAttribute("flashArgument", reason);
	}

	private List<Row> rows(List<Person> persons) {
		return persons.stream()
			.map(p -> new Row(p, String.join(", ", customers.identitiesOf(p.id()).stream().map(i -> i.channel() + ":" + i.handle()).toList())))
			.toList();
	}
}

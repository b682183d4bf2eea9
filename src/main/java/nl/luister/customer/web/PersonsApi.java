package nl.luister.customer.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.luister.account.LuisterUser;
import nl.luister.customer.CrmFields;
import nl.luister.customer.Customers;
import nl.luister.customer.Identity;
import nl.luister.customer.InfluenceTiers;
import nl.luister.customer.LinkConfirmations;
import nl.luister.customer.Person;
import nl.luister.customer.PersonLinks;
import nl.luister.customer.PersonPrivacy;
import nl.luister.customer.TierExplanations;
import nl.luister.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/persons}: search, read, edit CRM fields, merge and undo, GDPR export and erasure (admins only),
 * and an on-demand recompute of influence tiers (admins only). A refused merge answers 409.
 */
@ApiController("/api/persons")
class PersonsApi {

	private final Customers customers;
	private final PersonLinks links;
	private final PersonPrivacy privacy;
	private final InfluenceTiers tiers;
	private final TierExplanations explanations;
	private final LinkConfirmations confirmations;

	PersonsApi(Customers customers, PersonLinks links, PersonPrivacy privacy, InfluenceTiers tiers, TierExplanations explanations,
			LinkConfirmations confirmations) {
		this.confirmations = confirmations;
		this.customers = customers;
		this.links = links;
		this.privacy = privacy;
		this.tiers = tiers;
		this.explanations = explanations;
	}

	/** A person in a search result. */
	record PersonBrief(long id, String name, Integer tier, List<Identity> identities) {
	}

	/** A person with everything the person page shows. */
	record PersonJson(Person person, String tierExplanation, List<Identity> identities, List<Customers.Suggestion> suggestions,
			List<PersonLinks.Merge> merges, List<Customers.PersonCase> cases, List<Customers.TimelineEntry> timeline) {
	}

	record MergeRequest(Long other) {
	}

	@GetMapping
	List<PersonBrief> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") int limit) {
		return customers.search(q, Math.clamp(limit, 1, 500)).stream()
			.map(p -> new PersonBrief(p.id(), p.name(), p.tier(), customers.identitiesOf(p.id())))
			.toList();
	}

	@GetMapping("/{id}")
	PersonJson get(@PathVariable long id) {
		Person p = customers.person(id);
		return new PersonJson(p, explanations.explain(p, Locale.ENGLISH), customers.identitiesOf(p.id()), customers.suggestions(p.id()),
				links.mergesOf(p.id()), customers.casesOf(p.id(), 100), customers.timeline(p.id(), 200));
	}

	@PutMapping("/{id}")
	PersonJson update(@PathVariable long id, @RequestBody CrmFields body, @AuthenticationPrincipal LuisterUser me) {
		customers.updateCrm(id, body, me.id().value());
		return get(id);
	}

	@PostMapping("/{id}/merge")
	PersonLinks.Merge merge(@PathVariable long id, @RequestBody MergeRequest body, @AuthenticationPrincipal LuisterUser me) {
		if (body == null || body.other() == null) throw new IllegalArgumentException("name the person to merge in as {\"other\": id}");
		return links.merge(id, body.other(), PersonLinks.Evidence.MANUAL, me.id().value());
	}

	@PostMapping("/merges/{mergeId}/undo")
	PersonLinks.Merge undo(@PathVariable long mergeId, @AuthenticationPrincipal LuisterUser me) {
		return links.undo(mergeId, me.id().value());
	}

	/** A one-time code for a customer-confirmed link: {@code {id, code, expiresAt}}; the code is not shown again. */
	@PostMapping("/{id}/confirmations")
	LinkConfirmations.Issued confirmation(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		return confirmations.create(id, me.id().value());
	}

	@GetMapping("/{id}/export")
	ResponseEntity<Map<String, Object>> export(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"person-" + id + ".json\"")
			.body(privacy.export(id, me.id().value()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> erase(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		if (!me.isAdmin()) return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		privacy.erase(id, me.id().value());
		return ResponseEntity.noContent().build();
	}

	record RecomputeJson(int persons, long edges, long millis, int[] perTier, Instant at) {
	}

	@PostMapping("/tiers/recompute")
	ResponseEntity<RecomputeJson> recompute(@AuthenticationPrincipal LuisterUser me) {
		if (!me.isAdmin()) return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		InfluenceTiers.Summary s = tiers.recompute(Instant.now());
		return ResponseEntity.ok(new RecomputeJson(s.persons(), s.edges(), s.total().toMillis(), s.perTier(), Instant.now()));
	}
}

package nl.luister.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import nl.luister.channel.Channel;
import nl.luister.channel.OwnedAccounts;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.importer.ImportReport;
import nl.luister.channel.importer.MentionImport;
import nl.luister.customer.InfluenceTiers;
import nl.luister.log.MentionLog;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.TemplateDraft;
import nl.luister.reply.Templates;
import nl.luister.sla.Opening;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaPolicy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo workspace on start when {@code luister.demo=true}: the fictional parcel brand KoerierSnel
 * with its topics, one import source per channel and a few hundred Dutch and English mentions, shifted in
 * time so the newest is from a few minutes ago, reply templates in Dutch and English, and SLA policies on office
 * hours (and around the clock for severity 5). Loading twice adds nothing: the workspace is recognised by
 * its sources, and mentions are deduplicated anyway.
 */
@Component
@ConditionalOnBooleanProperty("luister.demo")
class DemoWorkspace {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

	private final TopicManagement topics;
	private final SourceAdmin sources;
	private final MentionImport importer;
	private final JsonMapper json;
	private final MentionLog mentionLog;
	private final InfluenceTiers tiers;
	private final OwnedAccounts owned;
	private final Templates templates;
	private final SlaAdmin sla;

	DemoWorkspace(TopicManagement topics, SourceAdmin sources, MentionImport importer, JsonMapper json, MentionLog mentionLog,
			InfluenceTiers tiers, OwnedAccounts owned, Templates templates, SlaAdmin sla) {
		this.owned = owned;
		this.templates = templates;
		this.sla = sla;
		this.mentionLog = mentionLog;
		this.tiers = tiers;
		this.topics = topics;
		this.sources = sources;
		this.importer = importer;
		this.json = json;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() throws IOException {
		JsonNode workspace = read("demo/workspace.json");
		boolean loaded = false;
		for (JsonNode s : workspace.get("sources")) {
			if (sources.all().stream().anyMatch(r -> r.key().equals(s.get("key").asString()))) loaded = true;
		}
		if (loaded) {
			log.info("Demo workspace is loaded already");
			return;
		}
		for (JsonNode t : workspace.get("topics")) {
			topics.create(t.get("name").asString(), t.get("query").asString());
		}
		// the brand's own accounts first: their posts in the import are our replies, not customer messages
		for (JsonNode a : workspace.get("ownedAccounts")) {
			owned.add(Channel.parse(a.get("channel").asString()), a.get("handle").asString(), a.get("role").asString());
		}
		for (JsonNode s : workspace.get("sources")) {
			sources.create(s.get("key").asString(), SourceAdmin.IMPORT_TYPE, s.get("name").asString(),
					Channel.parse(s.get("channel").asString()), "{}", 0);
		}
		for (JsonNode t : workspace.get("templates")) {
			templates.save(null, new TemplateDraft(null, t.get("language").asString(), t.get("name").asString(), t.get("keywords").asString(),
					t.get("body").asString()), null);
		}
		serviceLevels();
		ImportReport report = importer.importJsonl(shiftedToNow(), lines -> {
		});
		log.info("Demo workspace '{}' loaded: {} topics, {} mentions imported ({} rejected)",
				workspace.get("brand").asString(), workspace.get("topics").size(), report.imported(), report.rejected());
		// the newcomer should see influence tiers at once, not after the first scheduled recompute
		Thread.ofVirtual().name("demo-tiers").start(this::tiersOnceProcessed);
	}

	/** Office hours (Mon–Fri 8–20, Sat 9–17, Amsterdam) for every case; around the clock, and escalating, for severity 5. */
	private void serviceLevels() {
		List<Opening> hours = new ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			if (day == java.time.DayOfWeek.SUNDAY) continue;
			hours.addAll(Opening.parseDay(day, day == java.time.DayOfWeek.SATURDAY ? "09:00-17:00" : "08:00-20:00"));
		}
		long office = sla.createCalendar("Kantooruren", "Europe/Amsterdam", false, hours).id();
		long always = sla.createCalendar("Dag en nacht", "Europe/Amsterdam", true, List.of()).id();
		sla.createPolicy(new SlaPolicy(null, "Webcare", null, null, 0, office, 60, 120, 2 * 24 * 60, false));
		sla.createPolicy(new SlaPolicy(null, "Ernst 5", null, 5, 0, always, 15, 30, 8 * 60, true));
	}

	private void tiersOnceProcessed() {
		try {
			Instant until = Instant.now().plus(Duration.ofMinutes(2));
			while (mentionLog.backlog() > 0 && Instant.now().isBefore(until)) Thread.sleep(200);
			tiers.recompute(Instant.now());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			log.warn("Could not compute the demo's influence tiers; the scheduled recompute will", e);
		}
	}

	/** The demo mentions with their times moved so the newest one is five minutes old. */
	InputStream shiftedToNow() throws IOException {
		List<ObjectNode> lines = new ArrayList<>();
		Instant newest = Instant.EPOCH;
		try (InputStream in = new ClassPathResource("demo/mentions.jsonl").getInputStream()) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) continue;
				ObjectNode node = (ObjectNode) json.readTree(line);
				Instant at = Instant.parse(node.get("publishedAt").asString());
				if (at.isAfter(newest)) newest = at;
				lines.add(node);
			}
		}
		Duration shift = Duration.between(newest, Instant.now().minus(Duration.ofMinutes(5)));
		StringBuilder out = new StringBuilder();
		for (ObjectNode node : lines) {
			node.put("publishedAt", Instant.parse(node.get("publishedAt").asString()).plus(shift).toString());
			out.append(json.writeValueAsString(node)).append('\n');
		}
		return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read the demo resource " + resource, e);
		}
	}
}

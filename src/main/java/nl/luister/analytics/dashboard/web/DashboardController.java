package nl.luister.analytics.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.analytics.dashboard.Dashboards;
import nl.luister.analytics.dashboard.Period;
import nl.luister.analytics.dashboard.Series;
import nl.luister.channel.Channel;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;
import nl.luister.sla.SlaFigures;

/**
 * The dashboards page: a period (last N days or two dates) and bucket, a topic, channel and language, competitor
 * topics for share of voice; charts (uPlot, fed from data attributes) with a table under each, and every chart as CSV.
 */
@Controller
class DashboardController {

	static final List<Integer> PERIODS = List.of(1, 7, 30, 90, 365);
	static final List<String> CHARTS = List.of("volume", "share", "backlog", "sites", "authors", "webcare", "agents", "teams", "sla");

	private final SlaFigures sla;
	private final Dashboards dashboards;
	private final TopicManagement topics;
	private final JsonMapper json;
	private final MessageSource messages;

	DashboardController(Dashboards dashboards, TopicManagement topics, JsonMapper json, MessageSource messages, SlaFigures sla) {
		this.sla = sla;
		this.dashboards = dashboards;
		this.topics = topics;
		this.json = json;
		this.messages = messages;
	}

	/** What the user chose, with the problem in plain words when the choice was not valid (the defaults are used then). */
	record Choice(Period period, int days, String from, String to, String bucket, Long topic, String channel, String language,
			List<Long> compare, String error) {
	}

	Choice choose(Integer days, String from, String to, String bucket, Long topic, String channel, String language, List<Long> compare,
			List<Topic> all) {
		String error = null;
		Period period;
		int d = days != null && PERIODS.contains(days) ? days : 30;
		try {
			Period.Bucket b = Period.Bucket.parse(bucket);
			if (from != null && !from.isBlank() && to != null && !to.isBlank())
				period = Period.days(LocalDate.parse(from.strip()), LocalDate.parse(to.strip()), b, dashboards.zone());
			else period = Period.lastDays(d, b, dashboards.zone(), Instant.now());
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			error = e instanceof DateTimeParseException ? "'" + e.getMessage().replaceAll("^Text '([^']*)'.*", "$1") + "' is not a date (yyyy-mm-dd)" : e.getMessage();
			period = Period.lastDays(d, null, dashboards.zone(), Instant.now());
		}
		Long t = topic != null && all.stream().anyMatch(x -> x.id() == topic) ? topic : null;
		String c = channel == null || channel.isBlank() ? null : channel.strip();
		String l = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
		List<Long> cmp = compare == null || compare.isEmpty() ? all.stream().limit(6).map(Topic::id).toList()
				: compare.stream().filter(id -> all.stream().anyMatch(x -> x.id() == id)).distinct().limit(12).toList();
		return new Choice(period, d, from, to, bucket == null ? "auto" : bucket, t, c, l, cmp, error);
	}

	@GetMapping("/dashboards")
	String page(@RequestParam(required = false) Integer days, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String bucket, @RequestParam(required = false) Long topic,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String language,
			@RequestParam(required = false) List<Long> compare, Model model) {
		List<Topic> all = topics.all();
		Choice c = choose(days, from, to, bucket, topic, channel, language, compare, all);
		Period p = c.period();
		Series volume = dashboards.volume(new Dashboards.Filter(c.topic(), c.channel(), c.language()), p);
		Series share = dashboards.topics(names(c.compare(), all), p);
		Series backlog = dashboards.backlog(p);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("choice", c);
		model.addAttribute("exportBase", exportBase(days, from, to, bucket, topic, channel, language, compare));
		model.addAttribute("topics", all);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("compared", Set.copyOf(c.compare()));
		model.addAttribute("volume", volume);
		model.addAttribute("volumeChart", chart(volume, List.of("mentions", "negative", "positive"), locale, "dashboards.series."));
		model.addAttribute("share", share);
		model.addAttribute("shareChart", chart(share, List.copyOf(share.values().keySet()), locale, null));
		model.addAttribute("backlog", backlog);
		model.addAttribute("backlogChart", chart(backlog, List.of("open", "opened", "resolved"), locale, "dashboards.series."));
		model.addAttribute("responseChart", chart(backlog, List.of("firstResponse"), locale, "dashboards.series."));
		model.addAttribute("sites", c.topic() == null ? List.of() : dashboards.sites(c.topic(), p, 10));
		model.addAttribute("authors", c.topic() == null ? List.of() : dashboards.authors(c.topic(), p, 10));
		model.addAttribute("webcare", dashboards.webcare(p));
		model.addAttribute("agents", dashboards.agents(p));
		model.addAttribute("teams", dashboards.teams(p));
		model.addAttribute("bucketPattern", switch (p.bucket()) {
			case HOUR -> "yyyy-MM-dd HH:mm";
			case DAY, WEEK -> "yyyy-MM-dd";
			case MONTH -> "yyyy-MM";
		});
		model.addAttribute("zone", dashboards.zone());
		return "dashboards/dashboards";
	}

	/** One chart or table as CSV (comma-separated, UTF-8, cells that a spreadsheet would run as a formula quoted inert). */
	@GetMapping(value = "/dashboards/export.csv")
	ResponseEntity<byte[]> export(@RequestParam String chart, @RequestParam(required = false) Integer days,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String bucket, @RequestParam(required = false) Long topic,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String language,
			@RequestParam(required = false) List<Long> compare) {
		if (!CHARTS.contains(chart))
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no chart '" + chart + "': choose one of " + CHARTS);
		List<Topic> all = topics.all();
		Choice c = choose(days, from, to, bucket, topic, channel, language, compare, all);
		Period p = c.period();
		List<List<Object>> rows = new ArrayList<>();
		switch (chart) {
			case "volume" -> series(rows, dashboards.volume(new Dashboards.Filter(c.topic(), c.channel(), c.language()), p));
			case "share" -> series(rows, dashboards.topics(names(c.compare(), all), p));
			case "backlog" -> series(rows, dashboards.backlog(p));
			case "sites", "authors" -> {
				rows.add(List.of("name", "channel", "mentions", "negative_share", "positive_share", "followers"));
				if (c.topic() != null)
					for (var x : chart.equals("sites") ? dashboards.sites(c.topic(), p, 1000) : dashboards.authors(c.topic(), p, 1000))
						rows.add(java.util.Arrays.asList(x.name(), x.channel(), x.mentions(), x.negativeShare(), x.positiveShare(), x.followers()));
			}
			case "webcare" -> {
				rows.add(List.of("channel", "cases", "answered", "answered_share", "first_response_avg_min", "first_response_median_min",
						"resolved", "resolution_avg_min", "resolution_median_min"));
				for (var w : dashboards.webcare(p))
					rows.add(java.util.Arrays.asList(w.channel() == null ? "all" : w.channel(), w.cases(), w.answered(), w.answeredShare(),
							w.firstResponseAvg(), w.firstResponseMedian(), w.resolved(), w.resolutionAvg(), w.resolutionMedian()));
			}
			case "sla" -> {
				rows.add(List.of("channel", "first_response_total", "first_response_within_target", "first_response_share", "resolution_total",
						"resolution_within_target", "resolution_share", "breaches_first_response", "breaches_next_response", "breaches_resolution"));
				for (var x : sla.of(p.from(), p.to()))
					rows.add(java.util.Arrays.asList(x.channel() == null ? "all" : x.channel(), x.firstTotal(), x.firstMet(), x.firstShare(),
							x.resolutionTotal(), x.resolutionMet(), x.resolutionShare(), x.breachesFirst(), x.breachesNext(), x.breachesResolution()));
			}
			case "teams" -> {
				rows.add(List.of("team", "replies", "resolved"));
				for (var t : dashboards.teams(p)) rows.add(List.of(t.team(), t.replies(), t.resolved()));
			}
			default -> {
				rows.add(List.of("agent", "replies"));
				for (var a : dashboards.agents(p)) rows.add(List.of(a.agent(), a.replies()));
			}
		}
		StringBuilder csv = new StringBuilder();
		for (List<Object> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) csv.append(',');
				csv.append(cell(row.get(i)));
			}
			csv.append("\r\n");
		}
		String name = "luister-" + chart + "-" + p.firstDay() + "-" + p.endDay().minusDays(1) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The export link of the same choice, ending in {@code chart=} for the chart's name. */
	static String exportBase(Integer days, String from, String to, String bucket, Long topic, String channel, String language, List<Long> compare) {
		var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/dashboards/export.csv");
		if (topic != null) b.queryParam("topic", topic);
		if (days != null) b.queryParam("days", days);
		if (from != null && !from.isBlank()) b.queryParam("from", from);
		if (to != null && !to.isBlank()) b.queryParam("to", to);
		if (bucket != null && !bucket.isBlank()) b.queryParam("bucket", bucket);
		if (channel != null && !channel.isBlank()) b.queryParam("channel", channel);
		if (language != null && !language.isBlank()) b.queryParam("language", language);
		if (compare != null) compare.forEach(id -> b.queryParam("compare", id));
		String base = b.encode().build().toUriString();
		return base + (base.contains("?") ? "&" : "?") + "chart=";
	}

	private static void series(List<List<Object>> rows, Series s) {
		List<Object> head = new ArrayList<>();
		head.add("bucket");
		head.addAll(s.values().keySet());
		rows.add(head);
		for (int i = 0; i < s.buckets().size(); i++) {
			List<Object> row = new ArrayList<>();
			row.add(s.buckets().get(i).toString());
			for (double[] v : s.values().values()) row.add(v[i]);
			rows.add(row);
		}
	}

	/** A CSV cell: numbers plain, text quoted when needed, and a leading = + - @ or tab made inert (CSV injection). */
	static String cell(Object o) {
		if (o == null) return "";
		if (o instanceof Double d) return d.isNaN() ? "" : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.4f", d);
		if (o instanceof Number n) return n.toString();
		String s = o.toString();
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'"))
			return '"' + s.replace("\"", "\"\"") + '"';
		return s;
	}

	private static Map<Long, String> names(List<Long> ids, List<Topic> all) {
		Map<Long, String> out = new LinkedHashMap<>();
		for (long id : ids)
			all.stream().filter(t -> t.id() == id).findFirst().ifPresent(t -> {
				String name = t.name();
				// two topics of one name stay two series
				while (out.containsValue(name)) name = name + " ·";
				out.put(id, name);
			});
		return out;
	}

	/** The data of a uPlot chart as JSON for a data attribute: x in epoch seconds, one labelled array per series. */
	String chart(Series s, List<String> names, Locale locale, String labelPrefix) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("x", s.buckets().stream().map(Instant::getEpochSecond).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (String n : names) {
			double[] v = s.values().get(n);
			if (v == null) continue;
			List<Double> values = new ArrayList<>(v.length);
			for (double x : v) values.add(Double.isNaN(x) ? null : Math.round(x * 10) / 10.0);
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("label", labelPrefix == null ? n : messages.getMessage(labelPrefix + n, null, n, locale));
			one.put("key", n);
			one.put("values", values);
			series.add(one);
		}
		out.put("series", series);
		return json.writeValueAsString(out);
	}
}

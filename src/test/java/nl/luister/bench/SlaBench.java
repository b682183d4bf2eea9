package nl.luister.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.luister.LuisterApplication;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.sla.BusinessCalendar;
import nl.luister.sla.Holiday;
import nl.luister.sla.Opening;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaClocks;
import nl.luister.sla.SlaFigures;
import nl.luister.sla.SlaPolicy;
import nl.luister.sla.SlaWatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the SLA: (1) in memory, business-time arithmetic ({@code plus} and {@code between}) on an office calendar with
 * lunch breaks and holidays in Europe/Amsterdam and on a 24/7 calendar, one thread; (2) on the embedded database, the
 * clock update ({@link SlaClocks#refresh}) in batches of 500 over C open cases (default 20,000) with two messages and
 * a reply each, and one breach check ({@link SlaWatch#check}) that finds all of them late; (3) the dashboard figures
 * ({@link SlaFigures#of}) over 7, 30 and 365 days after recounting the rollup over N generated cases of a year (default
 * 500,000, the case count of the 10-million-mention dashboard bench). Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.bench.SlaBench -Dexec.classpathScope=test -Dexec.args="20000 500000"}.
 * Not a test: timing lives here, never in pass/fail tests.
 */
public final class SlaBench {

	public static void main(String[] args) {
		int open = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 20_000;
		int year = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1].strip()) : 500_000;
		System.out.printf("Luister SLA bench: %,d open cases, %,d cases in a year, Java %s, %d cores%n", open, year, Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		inMemory();
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0", "luister.outbox.tick", "PT24H", "luister.sla.enabled", "false",
				"luister.analytics.rollups.scheduled", "false"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			clocks(ctx, open);
			figures(ctx, year);
		}
	}

	static BusinessCalendar office() {
		List<Opening> hours = new ArrayList<>();
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
			hours.addAll(Opening.parseDay(d, "08:30-12:30, 13:00-17:30"));
		hours.addAll(Opening.parseDay(DayOfWeek.SATURDAY, "10:00-14:00"));
		List<Holiday> holidays = List.of(new Holiday(null, LocalDate.of(2026, 1, 1), "New Year", true),
				new Holiday(null, LocalDate.of(2026, 4, 27), "King's Day", true), new Holiday(null, LocalDate.of(2026, 12, 25), "Christmas", true),
				new Holiday(null, LocalDate.of(2026, 12, 26), "Boxing Day", true), new Holiday(null, LocalDate.of(2026, 4, 6), "Easter Monday", false),
				new Holiday(null, LocalDate.of(2026, 5, 14), "Ascension", false), new Holiday(null, LocalDate.of(2026, 5, 25), "Whit Monday", false));
		return new BusinessCalendar(1L, "Office", "Europe/Amsterdam", false, hours, holidays);
	}

	static void inMemory() {
		BusinessCalendar office = office();
		BusinessCalendar always = BusinessCalendar.alwaysOpen("24/7", "Europe/Amsterdam");
		int n = 200_000;
		Random random = new Random(42);
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		Instant[] starts = new Instant[n];
		Duration[] targets = new Duration[n];
		Instant[] ends = new Instant[n];
		long[] minutes = { 15, 60, 240, 480, 1440, 2880 };
		for (int i = 0; i < n; i++) {
			starts[i] = base.plusSeconds(random.nextLong(365L * 86400));
			targets[i] = Duration.ofMinutes(minutes[random.nextInt(minutes.length)]);
			ends[i] = starts[i].plusSeconds(random.nextLong(7L * 86400));
		}
		for (String[] c : new String[][] { { "office", "plus" }, { "office", "between" }, { "24/7", "plus" }, { "24/7", "between" } }) {
			BusinessCalendar cal = c[0].equals("office") ? office : always;
			boolean plus = c[1].equals("plus");
			double[] rounds = new double[7];
			long sink = 0;
			for (int r = 0; r < rounds.length; r++) {
				long t = System.nanoTime();
				for (int i = 0; i < n; i++)
					sink += plus ? cal.plus(starts[i], targets[i]).getEpochSecond() : cal.between(starts[i], ends[i]).getSeconds();
				rounds[r] = (System.nanoTime() - t) / (double) n;
			}
			double[] measured = Arrays.copyOfRange(rounds, 2, rounds.length);
			Arrays.sort(measured);
			System.out.printf("in memory: %-7s %-8s %,8.0f ns/op (median of 5 rounds of %,d after 2 warm-up rounds; targets 15 min-2 days, ranges 0-7 days) [%d]%n",
					c[0], c[1], measured[2], n, sink % 10);
		}
	}

	static void clocks(ConfigurableApplicationContext ctx, int n) {
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		SlaAdmin admin = ctx.getBean(SlaAdmin.class);
		SlaClocks clocks = ctx.getBean(SlaClocks.class);
		long source = ctx.getBean(SourceAdmin.class).importSource("sla-bench", Channel.MASTODON);
		BusinessCalendar office = office();
		long calendar = admin.createCalendar("Office", "Europe/Amsterdam", false, office.hours()).id();
		for (Holiday h : office.holidays()) admin.addHoliday(calendar, h);
		admin.createPolicy(new SlaPolicy(null, "Default", null, null, 0, calendar, 120, 60, 2880, false));
		admin.createPolicy(new SlaPolicy(null, "Urgent", null, 5, 0, calendar, 30, 30, 480, true));
		admin.createPolicy(new SlaPolicy(null, "Mastodon", Channel.MASTODON, null, 0, calendar, 60, 60, 1440, false));
		long t = System.nanoTime();
		jdbc.sql("""
				insert into cases (status, channel, source_id, author_handle, opened_at, last_activity_at, severity)
				select (array['NEW','OPEN','PENDING'])[1 + (g % 3)], (array['mastodon','email','forum'])[1 + (g % 3)], ?, 'user' || g,
				       now() - (g % 5000) * interval '1 minute', now(), 1 + (g % 5)
				from generate_series(1, ?) g""").params(source, n).update();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, case_id, ingested_at)
				select ?, 'm' || c.id || '-' || k, c.channel, c.author_handle, 'bench', c.opened_at, c.id, c.opened_at + k * interval '20 minutes'
				from cases c, generate_series(0, 1) k""").param(source).update();
		jdbc.sql("""
				insert into replies (case_id, text, state, created_at, sent_at)
				select id, 'bench reply', 'SENT', opened_at + interval '10 minutes', opened_at + interval '10 minutes' from cases""").update();
		List<Long> ids = jdbc.sql("select id from cases order by id").query(Long.class).list();
		System.out.printf("generated %,d cases with 2 messages and a reply each in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
		Instant now = Instant.now();
		for (int round = 0; round < 3; round++) {
			t = System.nanoTime();
			for (int i = 0; i < ids.size(); i += 500) {
				List<Long> batch = ids.subList(i, Math.min(ids.size(), i + 500));
				ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> clocks.refresh(batch, now));
			}
			double s = (System.nanoTime() - t) / 1e9;
			System.out.printf("clock update, round %d: %,d cases in batches of 500 in %.2f s = %,.0f cases/s (%.1f ms per batch)%n", round + 1, n, s, n / s,
					1000 * s / Math.ceil(n / 500.0));
		}
		t = System.nanoTime();
		int found = ctx.getBean(SlaWatch.class).check(now.plus(Duration.ofDays(30))).size();
		System.out.printf("breach check finding %,d breaches (recorded, case history, notifications, escalations): %.2f s%n", found, (System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		int again = ctx.getBean(SlaWatch.class).check(now.plus(Duration.ofDays(30)).plusSeconds(60)).size();
		System.out.printf("the next check (%d new): %.0f ms%n", again, (System.nanoTime() - t) / 1e6);
	}

	static void figures(ConfigurableApplicationContext ctx, int n) {
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		SlaFigures figures = ctx.getBean(SlaFigures.class);
		long source = jdbc.sql("select id from sources limit 1").query(Long.class).single();
		long t = System.nanoTime();
		jdbc.sql("""
				insert into cases (status, channel, source_id, opened_at, last_activity_at, resolved_at, sla_first_target, sla_first_done_at, sla_res_target)
				select 'RESOLVED', (array['mastodon','email','forum','twitter','review'])[1 + (g % 5)], ?, o, o, o + (random() * 3) * interval '1 day', 60,
				       o + (random() * 120) * interval '1 minute', 2880
				from (select g, now() - random() * interval '365 days' as o from generate_series(1, ?) g) x""").params(source, n).update();
		jdbc.sql("""
				insert into sla_breaches (case_id, kind, due_at, breached_at, channel)
				select id, 'FIRST_RESPONSE', opened_at + interval '60 minutes', opened_at + interval '61 minutes', channel
				from cases where sla_first_done_at > opened_at + interval '60 minutes' on conflict do nothing""").update();
		jdbc.sql("analyze").update();
		System.out.printf("generated %,d resolved cases over a year with %,d breaches in %.1f s%n", n,
				jdbc.sql("select count(*) from sla_breaches").query(Long.class).single(), (System.nanoTime() - t) / 1e9);
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		LocalDate today = LocalDate.now(zone);
		t = System.nanoTime();
		figures.refresh(today.minusDays(400), today);
		System.out.printf("recount of the SLA rollup over 400 days: %.2f s; of the last 35 days (the minute job): ", (System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		figures.refresh(today.minusDays(35), today);
		System.out.printf("%.2f s%n", (System.nanoTime() - t) / 1e9);
		for (int days : new int[] { 7, 30, 365 }) {
			Instant from = today.minusDays(days - 1).atStartOfDay(zone).toInstant();
			Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
			long[] times = new long[30];
			for (int i = 0; i < times.length; i++) {
				long s = System.nanoTime();
				figures.of(from, to);
				times[i] = System.nanoTime() - s;
			}
			Arrays.sort(times);
			System.out.printf("SlaFigures.of %3d days (rollup): p50 %.1f ms, p95 %.1f ms%n", days, times[14] / 1e6, times[28] / 1e6);
		}
		Instant now = Instant.now();
		long[] times = new long[30];
		for (int i = 0; i < times.length; i++) {
			long s = System.nanoTime();
			figures.of(now.minus(Duration.ofHours(48)), now);
			times[i] = System.nanoTime() - s;
		}
		Arrays.sort(times);
		System.out.printf("SlaFigures.of last 48 hours (from cases and breaches): p50 %.1f ms, p95 %.1f ms%n", times[14] / 1e6, times[28] / 1e6);
	}
}

package nl.luister.analytics.report;

import java.sql.Array;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import nl.luister.notice.NoticeMail;

/**
 * Who gets the weekly report of a brand (or the workspace) and when, and the sending itself: every ten minutes a
 * schedule whose weekday and hour have come this week and that has not been sent for last week yet sends the report
 * of last week (Monday to Sunday) to each recipient — HTML with the chart inline, the PDF attached — and remembers
 * the week, so a restart never sends twice and a machine that was down sends once it is up. A failure is kept on the
 * schedule and tried again at the next tick; a recipient the server refuses is named in the error.
 */
@Service
public class ReportSchedules {

	private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);

	/** One schedule; {@code brandId} null is the workspace report. */
	public record Schedule(long id, Long brandId, boolean enabled, int weekday, int hour, ZoneId zone, List<String> recipients, String locale,
			LocalDate lastSentWeek, String lastError) {

		/** Schedule problems in plain words; empty when it can be saved. */
		public List<String> problems() {
			List<String> out = new ArrayList<>();
			for (String r : recipients)
				if (!NoticeMail.isAddress(r)) out.add("'" + r + "' is not an e-mail address");
			if (recipients.size() > 100) out.add("at most 100 recipients");
			if (weekday < 1 || weekday > 7) out.add("the weekday must be 1 (Monday) to 7 (Sunday)");
			if (hour < 0 || hour > 23) out.add("the hour must be 0 to 23");
			if (!locale.equals("nl") && !locale.equals("en")) out.add("the language must be nl or en");
			return out;
		}
	}

	private final JdbcClient jdbc;
	private final Reports reports;
	private final NoticeMail mail;
	private final boolean enabled;

	ReportSchedules(JdbcClient jdbc, Reports reports, NoticeMail mail, @Value("${luister.reports.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.mail = mail;
		this.enabled = enabled;
	}

	/** The schedule of a brand (or the workspace), or a default one (Monday 08:00, Dutch, nobody yet, switched off). */
	public Schedule of(Long brandId) {
		return jdbc.sql("select * from report_schedules where coalesce(brand_id, 0) = coalesce(?, 0)").param(brandId).query(this::schedule).optional()
			.orElse(new Schedule(0, brandId, false, 1, 8, reports.zone(), List.of(), "nl", null, null));
	}

	/** Saves a schedule. @throws IllegalArgumentException naming every problem */
	public void save(Schedule s) {
		List<String> problems = s.problems();
		if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
		jdbc.sql("""
				insert into report_schedules (brand_id, enabled, weekday, hour, zone, recipients, locale, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, now())
				on conflict (coalesce(brand_id, 0)) do update set enabled = excluded.enabled, weekday = excluded.weekday, hour = excluded.hour,
				  zone = excluded.zone, recipients = excluded.recipients, locale = excluded.locale, updated_at = now()""")
			.params(s.brandId(), s.enabled(), s.weekday(), s.hour(), s.zone().getId(), s.recipients().toArray(String[]::new), s.locale())
			.update();
	}

	@Scheduled(fixedDelayString = "${luister.reports.tick:PT10M}", initialDelayString = "PT2M")
	void scheduled() {
		if (enabled) sendDue(Instant.now());
	}

	/** Sends every report that is due at {@code now}; returns how many schedules were sent. */
	public int sendDue(Instant now) {
		int sent = 0;
		for (Schedule s : jdbc.sql("select * from report_schedules where enabled").query(this::schedule).list()) {
			ZonedDateTime local = now.atZone(s.zone());
			LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			ZonedDateTime due = monday.plusDays(s.weekday() - 1L).atTime(s.hour(), 0).atZone(s.zone());
			LocalDate week = monday.minusWeeks(1);
			if (local.isBefore(due) || (s.lastSentWeek() != null && !s.lastSentWeek().isBefore(week)) || s.recipients().isEmpty()) continue;
			Optional<String> error = send(s, week);
			jdbc.sql("update report_schedules set last_sent_week = case when ? then ? else last_sent_week end, last_error = ? where id = ?")
				.params(error.isEmpty(), Date.valueOf(week), error.orElse(null), s.id())
				.update();
			if (error.isEmpty()) sent++;
		}
		return sent;
	}

	/** Sends the report of {@code week} to the schedule's recipients now; the error in plain words when one failed. */
	public Optional<String> send(Schedule s, LocalDate week) {
		Locale locale = Locale.forLanguageTag(s.locale());
		try {
			WeeklyReport report = reports.build(s.brandId(), week);
			byte[] chart = reports.chart(report, locale);
			byte[] pdf = reports.pdf(report, locale);
			String html = reports.html(report, locale, "cid:chart");
			String name = "luister-report-" + report.weekStart() + ".pdf";
			List<String> failed = new ArrayList<>();
			for (String to : s.recipients()) {
				try {
					mail.send(to, reports.subject(report, locale), reports.text(report, locale), html,
							List.of(new NoticeMail.Part("chart", "chart.png", "image/png", chart)),
							List.of(new NoticeMail.Part(null, name, "application/pdf", pdf)));
				}
				catch (MessagingException e) {
					log.warn("The weekly report for {} could not be sent to {}: {}", s.brandId() == null ? "the workspace" : "brand " + s.brandId(), to, e.getMessage());
					failed.add(to + " (" + e.getMessage() + ")");
				}
			}
			return failed.isEmpty() ? Optional.empty() : Optional.of("not sent to " + String.join(", ", failed));
		}
		catch (RuntimeException e) {
			log.error("The weekly report could not be made", e);
			return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	private Schedule schedule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long brand = rs.getLong("brand_id");
		Long brandId = rs.wasNull() ? null : brand;
		Array recipients = rs.getArray("recipients");
		Date last = rs.getDate("last_sent_week");
		return new Schedule(rs.getLong("id"), brandId, rs.getBoolean("enabled"), rs.getInt("weekday"), rs.getInt("hour"), ZoneId.of(rs.getString("zone")),
				recipients == null ? List.of() : Arrays.asList((String[]) recipients.getArray()), rs.getString("locale"),
				last == null ? null : last.toLocalDate(), rs.getString("last_error"));
	}
}

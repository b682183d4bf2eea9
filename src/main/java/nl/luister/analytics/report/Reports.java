package nl.luister.analytics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import nl.luister.sla.SlaFigures;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import nl.luister.analytics.dashboard.Dashboards;
import nl.luister.analytics.dashboard.Period;
import nl.luister.analytics.dashboard.Series;
import nl.luister.analytics.themes.Themes;

/**
 * Builds the weekly report of a brand (or the workspace) and renders it: a PNG chart (Java2D, so it shows in every mail
 * program), the HTML mail (Thymeleaf template {@code reports/mail}) and a PDF (OpenPDF, built-in fonts). Weeks run
 * Monday to Sunday in the workspace's zone. Read-only and thread-safe.
 */
@Service
public class Reports {

	private final JdbcClient jdbc;
	private final Dashboards dashboards;
	private final Themes themes;
	private final TemplateEngine templates;
	private final MessageSource messages;
	private final SlaFigures sla;

	Reports(JdbcClient jdbc, Dashboards dashboards, Themes themes, TemplateEngine templates, MessageSource messages, SlaFigures sla) {
		this.sla = sla;
		this.jdbc = jdbc;
		this.dashboards = dashboards;
		this.themes = themes;
		this.templates = templates;
		this.messages = messages;
	}

	public ZoneId zone() {
		return dashboards.zone();
	}

	/** The Monday of the week before the one holding {@code day}. */
	public static LocalDate previousWeek(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
	}

	/** The brands with their names; the workspace report is brand {@code null}. */
	public Map<Long, String> brands() {
		Map<Long, String> out = new LinkedHashMap<>();
		jdbc.sql("select id, name from brands order by name").query(rs -> {
			out.put(rs.getLong(1), rs.getString(2));
		});
		return out;
	}

	/** The report of the week starting on {@code weekStart} (a Monday) for a brand, or the workspace. */
	public WeeklyReport build(Long brandId, LocalDate weekStart) {
		LocalDate monday = weekStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		ZoneId zone = zone();
		Period week = Period.days(monday, monday.plusDays(6), Period.Bucket.DAY, zone);
		Period before = Period.days(monday.minusWeeks(1), monday.minusDays(1), Period.Bucket.DAY, zone);
		Map<Long, String> topics = new LinkedHashMap<>();
		(brandId == null ? jdbc.sql("select id, name from topics order by name")
				: jdbc.sql("select id, name from topics where brand_id = ? order by name").param(brandId))
			.query(rs -> {
				topics.put(rs.getLong(1), rs.getString(2));
			});
		String brandName = brandId == null ? null : jdbc.sql("select name from brands where id = ?").param(brandId).query(String.class).optional().orElse("?");
		Series days;
		long previous;
		if (brandId == null) {
			days = dashboards.volume(Dashboards.Filter.all(), week);
			previous = (long) dashboards.volume(Dashboards.Filter.all(), before).total("mentions");
		}
		else {
			// a brand's volume is the sum of its topics: a mention of two of its topics counts twice
			days = null;
			previous = 0;
			for (long id : topics.keySet()) {
				Series s = dashboards.volume(new Dashboards.Filter(id, null, null), week);
				if (days == null) days = s;
				else for (var e : s.values().entrySet()) {
					double[] sum = days.values().get(e.getKey());
					for (int i = 0; i < sum.length; i++) sum[i] += e.getValue()[i];
				}
				previous += (long) dashboards.volume(new Dashboards.Filter(id, null, null), before).total("mentions");
			}
			if (days == null) days = dashboards.volume(new Dashboards.Filter(-1L, null, null), week);
		}
		List<WeeklyReport.TopicLine> lines = new ArrayList<>();
		for (var t : topics.entrySet()) {
			long n = (long) dashboards.topics(Map.of(t.getKey(), t.getValue()), week).total(t.getValue());
			List<String> top = n == 0 ? List.of()
					: themes.themes(t.getKey(), week.from(), week.to(), 3).themes().stream().map(Themes.Theme::term).toList();
			lines.add(new WeeklyReport.TopicLine(t.getValue(), n, top));
		}
		lines.sort((a, b) -> Long.compare(b.mentions(), a.mentions()));
		List<WeeklyReport.AlertLine> alerts = jdbc.sql("""
				select a.started_at, a.kind, t.name, a.severity from alerts a left join topics t on t.id = a.topic_id
				where a.started_at >= ? and a.started_at < ? and (? or a.topic_id = any(?))
				order by a.severity desc, a.started_at limit 10""")
			.params(Timestamp.from(week.from()), Timestamp.from(week.to()), brandId == null, topics.keySet().toArray(Long[]::new))
			.query((rs, n) -> new WeeklyReport.AlertLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		return new WeeklyReport(brandId, brandName, monday, monday.plusDays(6), (long) days.total("mentions"), (long) days.total("negative"),
				(long) days.total("positive"), previous, days, lines, alerts, dashboards.webcare(week).getFirst(),
				sla.of(week.from(), week.to()).getFirst());
	}

	/** Mentions and negative mentions per day as a PNG of 720 × 260 pixels. */
	public byte[] chart(WeeklyReport report, Locale locale) {
		int w = 720, h = 260, left = 48, right = 16, top = 28, bottom = 36;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			double[] all = report.days().values().get("mentions");
			double[] negative = report.days().values().get("negative");
			double max = 1;
			for (double v : all) max = Math.max(max, v);
			max = niceCeiling(max);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.setColor(new Color(0xD9DCE1));
			for (int i = 0; i <= 4; i++) {
				int y = top + (h - top - bottom) * i / 4;
				g.drawLine(left, y, w - right, y);
				g.setColor(new Color(0x4B5563));
				g.drawString(Long.toString(Math.round(max * (4 - i) / 4)), 6, y + 4);
				g.setColor(new Color(0xD9DCE1));
			}
			int n = all.length;
			DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", locale);
			g.setColor(new Color(0x4B5563));
			for (int i = 0; i < n; i++) {
				int x = x(i, n, left, w - right);
				g.drawString(report.weekStart().plusDays(i).format(day), x - 24, h - 12);
			}
			line(g, all, max, n, left, w - right, top, h - bottom, new Color(0x2563EB));
			line(g, negative, max, n, left, w - right, top, h - bottom, new Color(0xDC2626));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.setColor(new Color(0x2563EB));
			g.drawString(messages.getMessage("reports.chart.mentions", null, "Mentions", locale), left, 18);
			g.setColor(new Color(0xDC2626));
			g.drawString(messages.getMessage("reports.chart.negative", null, "Negative", locale), left + 160, 18);
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("the report chart could not be written as PNG", e);
		}
	}

	private static void line(Graphics2D g, double[] v, double max, int n, int x0, int x1, int y0, int y1, Color color) {
		g.setColor(color);
		g.setStroke(new BasicStroke(2.5f));
		for (int i = 1; i < n; i++)
			g.drawLine(x(i - 1, n, x0, x1), y(v[i - 1], max, y0, y1), x(i, n, x0, x1), y(v[i], max, y0, y1));
		for (int i = 0; i < n; i++) g.fillOval(x(i, n, x0, x1) - 3, y(v[i], max, y0, y1) - 3, 6, 6);
	}

	private static int x(int i, int n, int x0, int x1) {
		return n <= 1 ? (x0 + x1) / 2 : x0 + 20 + (x1 - x0 - 40) * i / (n - 1);
	}

	private static int y(double v, double max, int y0, int y1) {
		return (int) Math.round(y1 - (y1 - y0) * v / max);
	}

	static double niceCeiling(double max) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 })
			if (step * magnitude >= max) return step * magnitude;
		return 10 * magnitude;
	}

	/** The HTML mail; the chart is referenced as {@code chartSrc} (a {@code cid:} in mail). */
	public String html(WeeklyReport report, Locale locale, String chartSrc) {
		Context context = new Context(locale);
		context.setVariable("report", report);
		context.setVariable("chartSrc", chartSrc);
		context.setVariable("zone", zone());
		return templates.process("reports/mail", context);
	}

	/** The subject line of the report mail. */
	public String subject(WeeklyReport report, Locale locale) {
		return messages.getMessage("reports.subject", new Object[] { report.brandName() == null ? messages.getMessage("reports.workspace", null, locale)
				: report.brandName(), report.weekStart().toString(), report.weekEnd().toString() }, locale);
	}

	/** A plain-text version of the report, for mail programs that show no HTML. */
	public String text(WeeklyReport report, Locale locale) {
		StringBuilder sb = new StringBuilder(subject(report, locale)).append("\n\n");
		sb.append(messages.getMessage("reports.text.volume", new Object[] { report.mentions(), Math.round(100 * report.negativeShare()),
				report.previousMentions() }, locale)).append('\n');
		for (WeeklyReport.TopicLine t : report.topics())
			sb.append("- ").append(t.name()).append(": ").append(t.mentions()).append(t.themes().isEmpty() ? "" : " (" + String.join(", ", t.themes()) + ")").append('\n');
		return sb.toString();
	}

	/** The report as a PDF of A4 pages. */
	public byte[] pdf(WeeklyReport report, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
		try {
			PdfWriter.getInstance(doc, out);
			doc.addTitle(subject(report, locale));
			doc.addCreator("Luister");
			doc.open();
			var h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
			var h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
			var body = FontFactory.getFont(FontFactory.HELVETICA, 10);
			doc.add(new Paragraph(subject(report, locale), h1));
			doc.add(new Paragraph(messages.getMessage("reports.text.volume", new Object[] { report.mentions(), Math.round(100 * report.negativeShare()),
					report.previousMentions() }, locale), body));
			Image chart = Image.getInstance(chart(report, locale));
			chart.scaleToFit(515, 190);
			chart.setAlignment(Element.ALIGN_CENTER);
			doc.add(chart);
			doc.add(new Paragraph(messages.getMessage("reports.topics", null, locale), h2));
			PdfPTable topics = table(body, messages.getMessage("reports.topic", null, locale), messages.getMessage("reports.mentions", null, locale),
					messages.getMessage("reports.themes", null, locale));
			for (WeeklyReport.TopicLine t : report.topics()) row(topics, body, t.name(), Long.toString(t.mentions()), String.join(", ", t.themes()));
			doc.add(topics);
			doc.add(new Paragraph(messages.getMessage("reports.alerts", null, locale), h2));
			if (report.alerts().isEmpty()) doc.add(new Paragraph(messages.getMessage("reports.alerts.none", null, locale), body));
			else {
				PdfPTable alerts = table(body, messages.getMessage("reports.when", null, locale), messages.getMessage("reports.what", null, locale),
						messages.getMessage("reports.severity", null, locale));
				DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
				for (WeeklyReport.AlertLine a : report.alerts())
					row(alerts, body, a.at().atZone(zone()).format(f), messages.getMessage("alerts.kind." + a.kind().toLowerCase(Locale.ROOT), null, a.kind(), locale)
							+ (a.topic() == null ? "" : ": " + a.topic()), Integer.toString(a.severity()));
				doc.add(alerts);
			}
			doc.add(new Paragraph(messages.getMessage("reports.webcare", null, locale), h2));
			var w = report.webcare();
			doc.add(new Paragraph(messages.getMessage("reports.text.webcare", new Object[] { w.cases(), Double.isNaN(w.answeredShare()) ? "—"
					: Math.round(100 * w.answeredShare()) + "%", minutes(w.firstResponseMedian()), w.resolved(), minutes(w.resolutionMedian()) }, locale), body));
			var slaLine = report.sla();
			doc.add(new Paragraph(slaLine.firstTotal() == 0 && slaLine.resolutionTotal() == 0 && slaLine.breaches() == 0
					? messages.getMessage("sla.report.none", null, locale)
					: messages.getMessage("sla.report.text", new Object[] { percent(slaLine.firstShare()), slaLine.firstTotal(),
							percent(slaLine.resolutionShare()), slaLine.resolutionTotal(), slaLine.breaches() }, locale), body));
			doc.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the report PDF could not be made: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the report PDF could not be made", e);
		}
		return out.toByteArray();
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "—" : Math.round(100 * share) + "%";
	}

	public static String minutes(double m) {
		if (Double.isNaN(m)) return "—";
		Duration d = Duration.ofSeconds(Math.round(m * 60));
		return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
	}

	private static PdfPTable table(org.openpdf.text.Font font, String... headers) {
		PdfPTable t = new PdfPTable(headers.length);
		t.setWidthPercentage(100);
		t.setSpacingBefore(6);
		t.setSpacingAfter(10);
		var bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, font.getSize());
		for (String h : headers) t.addCell(new PdfPCell(new Phrase(h, bold)));
		t.setHeaderRows(1);
		return t;
	}

	private static void row(PdfPTable t, org.openpdf.text.Font font, String... cells) {
		for (String c : cells) t.addCell(new PdfPCell(new Phrase(c == null ? "" : c, font)));
	}
}

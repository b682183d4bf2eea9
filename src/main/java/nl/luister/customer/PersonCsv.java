package nl.luister.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import nl.luister.audit.AuditLog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes persons as CSV (UTF-8, comma, RFC 4180 quoting) with the columns the CRM import reads back:
 * {@code person_id, customer_number, name, email, phone, segment, value, tags, contact_channel,
 * contact_times, tier} and one column per channel with the person's handles there ({@code |}-separated).
 * Rows are streamed from a database cursor, so a million persons never sit in memory; must run inside a
 * transaction (the cursor needs one). A cell starting with = + - @ or a tab is prefixed with an apostrophe so
 * a spreadsheet does not run a hostile name as a formula.
 */
@Service
public class PersonCsv {

	static final String[] CHANNELS = { "twitter", "mastodon", "bluesky", "forum", "blog", "review", "news", "email", "other" };

	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;

	PersonCsv(DataSource dataSource, AuditLog audit) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.audit = audit;
	}

	/** Every active person, with an audit entry; returns how many. */
	@Transactional
	public long exportAll(Writer out, Long actorId) throws IOException {
		long n = write(out, "p.merged_into is null", new HashMap<>());
		audit.record(actorId, "person.export.csv", "import", null, Map.of("persons", n));
		return n;
	}

	/** The persons matching {@code where} (SQL over {@code p} with named parameters in {@code params}). */
	long write(Writer out, String where, Map<String, Object> params) throws IOException {
		CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
		printer.print("person_id");
		for (String h : new String[] { "customer_number", "name", "email", "phone", "segment", "value", "tags", "contact_channel", "contact_times", "tier" })
			printer.print(h);
		for (String c : CHANNELS) printer.print(c);
		printer.println();
		long[] count = { 0 };
		jdbc.query("""
				select p.id, p.customer_number, p.display_name, p.email, p.phone, p.segment, p.value, p.tags, p.contact_channel, p.contact_times,
				       p.tier, (select array_agg(i.channel || ':' || i.handle order by i.channel, lower(i.handle)) from identities i where i.person_id = p.id) as handles
				from persons p where %s order by p.id""".formatted(where), params, rs -> {
			try {
				printer.print(rs.getLong(1));
				for (int c = 2; c <= 6; c++) printer.print(safe(rs.getString(c)));
				printer.print(rs.getString(7) == null ? "" : rs.getString(7));
				Array tags = rs.getArray(8);
				printer.print(tags == null ? "" : safe(String.join("|", (String[]) tags.getArray())));
				printer.print(safe(rs.getString(9)));
				printer.print(safe(rs.getString(10)));
				printer.print(rs.getString(11) == null ? "" : rs.getString(11));
				Array handles = rs.getArray(12);
				String[] all = handles == null ? new String[0] : (String[]) handles.getArray();
				for (String channel : CHANNELS) {
					StringBuilder sb = new StringBuilder();
					for (String h : all) {
						if (h.startsWith(channel + ":")) sb.append(sb.isEmpty() ? "" : "|").append(h, channel.length() + 1, h.length());
					}
					printer.print(safe(sb.toString()));
				}
				printer.println();
				count[0]++;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		printer.flush();
		return count[0];
	}

	/** The CRM import drops the apostrophe again ({@link #unsafe}), so an export imports back unchanged. */
	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) return "";
		char c = cell.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
	}

	/** Undoes {@link #safe}. */
	static String unsafe(String cell) {
		if (cell.length() < 2 || cell.charAt(0) != '\'') return cell;
		char c = cell.charAt(1);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? cell.substring(1) : cell;
	}
}

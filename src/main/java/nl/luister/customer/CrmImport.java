package nl.luister.customer;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import nl.luister.audit.AuditLog;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports CRM customers from CSV with a column mapping ({@link CrmColumns}), or rehearses it (dry-run).
 *
 * <p>Each row is one customer. Its person is found by customer number, else on evidence only: an e-mail
 * identity or a person's CRM e-mail with the row's address, or an identity with one of the row's handles —
 * never by name. Found: the row's non-blank fields are written over the person's (blank cells keep what is
 * there). Not found: a new person. Evidence pointing at several persons links them (a merge with evidence
 * CRM, undoable); evidence pointing at a person with another customer number rejects the row. Handles not
 * known yet become identities of the person, so their first message lands with them. Importing the same
 * file again changes nothing (rows come out UNCHANGED).
 *
 * <p>The file is streamed ({@link CsvRecords}); rows are written in transactions of {@value #CHUNK}, set-based
 * (one look-up, one insert, one update and one insert of handles per chunk; rows sharing a key with another row
 * of the chunk or linking persons go one by one). A statement that fails in the database makes its chunk run again
 * row by row with a savepoint per row, so a broken or conflicting row is reported with its line number and
 * skipped; a chunk that
 * deadlocks with a concurrent writer (the tier recompute) is run again, up to {@value #MAX_ATTEMPTS} times. A dry-run
 * runs exactly the same statements and rolls every chunk back; rows of one chunk see each other, rows of
 * different chunks do not (a customer number twice in the file, far apart, shows as created twice). One audit
 * entry per import with the counts. Thread-safe: one call per import thread.
 */
@Service
public class CrmImport {

	static final int CHUNK = 500;
	static final int MAX_LISTED = 200;
	static final int MAX_ATTEMPTS = 3;

	private final JdbcClient jdbc;
	private final PersonLinks links;
	private final AuditLog audit;
	private final TransactionTemplate chunkTx;
	private final TransactionTemplate rowTx;

	CrmImport(JdbcClient jdbc, PersonLinks links, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.links = links;
		this.audit = audit;
		this.chunkTx = new TransactionTemplate(transactions);
		this.rowTx = new TransactionTemplate(transactions);
		this.rowTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A file that cannot be imported at all: no header, or no customer number column. */
	public static final class UnreadableFile extends RuntimeException {
		UnreadableFile(String message) {
			super(message);
		}
	}

	/**
	 * Imports (or with {@code dryRun} rehearses) a CSV stream in {@code charset}; {@code rowsRead} hears the
	 * number of rows read after each chunk. Throws {@link UnreadableFile} when the header lacks the customer
	 * number column.
	 */
	public CrmImportReport importCsv(InputStream in, Charset charset, CrmColumns columns, boolean dryRun, Long actorId, LongConsumer rowsRead) {
		var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
		Tally tally = new Tally(dryRun);
		try (Reader reader = new InputStreamReader(in, decoder)) {
			CsvRecords records = new CsvRecords(reader);
			CsvRecords.Row header = records.next();
			if (header == null) throw new UnreadableFile("the file is empty");
			if (header.error() != null) throw new UnreadableFile("the header on line " + header.line() + " cannot be read: " + header.error());
			Layout layout = Layout.of(header.fields(), columns);
			List<CsvRecords.Row> chunk = new ArrayList<>(CHUNK);
			long rows = 0;
			CsvRecords.Row row;
			while ((row = records.next()) != null) {
				chunk.add(row);
				rows++;
				if (chunk.size() == CHUNK) {
					write(chunk, layout, dryRun, actorId, tally);
					rowsRead.accept(rows);
				}
			}
			write(chunk, layout, dryRun, actorId, tally);
			rowsRead.accept(rows);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		CrmImportReport report = tally.report();
		if (!dryRun) {
			audit.record(actorId, "person.import", "import", null, Map.of("created", report.created(), "updated", report.updated(),
					"unchanged", report.unchanged(), "linked", report.linked(), "rejected", report.rejected()));
		}
		return report;
	}

	private void write(List<CsvRecords.Row> chunk, Layout layout, boolean dryRun, Long actorId, Tally tally) {
		if (chunk.isEmpty()) return;
		List<CrmImportReport.RowOutcome> outcomes = new ArrayList<>(chunk.size());
		// First set-based (a handful of statements for the whole chunk); a statement failing in the database spoils
		// the transaction, so then the chunk runs again row by row with a savepoint per row, and only that row is
		// rejected.
		boolean careful = false;
		for (int attempt = 1; ; attempt++) {
			outcomes.clear();
			boolean rowByRow = careful;
			try {
				chunkTx.executeWithoutResult(status -> {
					if (rowByRow) for (CsvRecords.Row row : chunk) outcomes.addAll(writeRow(row, layout, dryRun, actorId, true));
					else outcomes.addAll(writeSet(chunk, layout, dryRun, actorId));
					if (dryRun) status.setRollbackOnly();
				});
				break;
			}
			catch (TransientDataAccessException e) {
				// a deadlock with a concurrent writer of the same persons (the tier recompute, another import): the
				// chunk was rolled back as a whole, so running it again is safe
				if (attempt >= MAX_ATTEMPTS) throw e;
			}
			catch (RowFailed e) {
				if (careful) throw new IllegalStateException("row on line " + e.line + " failed in its own savepoint", e.getCause());
				careful = true;
			}
			catch (DataAccessException e) {
				if (careful) throw e;
				careful = true;
			}
		}
		// counted after the chunk's transaction ended, so a chunk that failed as a whole is not counted as written
		outcomes.sort(java.util.Comparator.comparingLong(CrmImportReport.RowOutcome::line));
		outcomes.forEach(tally::add);
		chunk.clear();
	}

	/** A parsed row of a chunk. */
	private record Parsed(CsvRecords.Row row, Customer customer) {
	}

	/**
	 * Writes a chunk with one look-up, one insert of new persons, one update of found persons and one insert of
	 * new handles. Rows that share a customer number, e-mail address or handle with another row of the chunk, and
	 * rows whose evidence links several persons, are written one by one afterwards ({@link #apply}), in line order,
	 * so rows of one chunk still see each other.
	 */
	private List<CrmImportReport.RowOutcome> writeSet(List<CsvRecords.Row> chunk, Layout layout, boolean dryRun, Long actorId) {
		List<CrmImportReport.RowOutcome> out = new ArrayList<>(chunk.size());
		List<Parsed> parsed = new ArrayList<>(chunk.size());
		for (CsvRecords.Row row : chunk) {
			if (row.error() != null) {
				out.add(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, row.error()));
				continue;
			}
			try {
				parsed.add(new Parsed(row, layout.parse(row.fields())));
			}
			catch (IllegalArgumentException e) {
				out.add(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, e.getMessage()));
			}
		}
		Map<String, Integer> keyCount = new HashMap<>();
		for (Parsed p : parsed) for (String key : keys(p.customer())) keyCount.merge(key, 1, Integer::sum);
		List<Parsed> alone = new ArrayList<>(parsed.size());
		List<Parsed> oneByOne = new ArrayList<>();
		for (Parsed p : parsed) (keys(p.customer()).stream().allMatch(k -> keyCount.get(k) == 1) ? alone : oneByOne).add(p);

		Map<Integer, List<Match>> found = lookUp(alone.stream().map(Parsed::customer).toList());
		List<Parsed> creates = new ArrayList<>();
		List<Parsed> updates = new ArrayList<>();
		List<Long> targets = new ArrayList<>();
		List<String> whys = new ArrayList<>();
		for (int i = 0; i < alone.size(); i++) {
			Parsed p = alone.get(i);
			Decision d;
			try {
				d = decide(p.customer(), found.getOrDefault(i, List.of()));
			}
			catch (Conflict e) {
				out.add(new CrmImportReport.RowOutcome(p.row().line(), "REJECTED", null, e.getMessage()));
				continue;
			}
			if (!d.others().isEmpty()) oneByOne.add(p);
			else if (d.target() == null) creates.add(p);
			else {
				updates.add(p);
				targets.add(d.target());
				whys.add(d.why());
			}
		}

		List<Long> created = insertAll(customers(creates));
		Set<Long> changed = updateAll(customers(updates), targets);
		List<Long> owners = new ArrayList<>(created);
		owners.addAll(targets);
		List<Parsed> owned = new ArrayList<>(creates);
		owned.addAll(updates);
		Map<Long, Integer> handlesAdded = addHandlesAll(customers(owned), owners);
		for (int i = 0; i < creates.size(); i++)
			out.add(new CrmImportReport.RowOutcome(creates.get(i).row().line(), "CREATED", dryRun ? null : created.get(i), null));
		for (int i = 0; i < updates.size(); i++) {
			long target = targets.get(i);
			boolean touched = changed.contains(target) || handlesAdded.getOrDefault(target, 0) > 0;
			out.add(new CrmImportReport.RowOutcome(updates.get(i).row().line(), touched ? "UPDATED" : "UNCHANGED", target, "found by " + whys.get(i)));
		}
		oneByOne.sort(java.util.Comparator.comparingLong(p -> p.row().line()));
		for (Parsed p : oneByOne) out.addAll(writeRow(p.row(), layout, dryRun, actorId, false));
		return out;
	}

	/** What a row is found by: its customer number, e-mail address and handles (lower case, as the look-up compares). */
	private static List<String> keys(Customer c) {
		List<String> keys = new ArrayList<>(2 + c.handles().length);
		keys.add("n:" + c.customerNumber());
		if (c.fields().email() != null) keys.add("e:" + c.fields().email().toLowerCase(Locale.ROOT));
		for (int i = 0; i < c.handles().length; i++) {
			String handle = c.handles()[i].toLowerCase(Locale.ROOT);
			keys.add(c.channels()[i].equals("email") ? "e:" + handle : "h:" + c.channels()[i] + "\u0000" + handle);
		}
		return keys;
	}

	/**
	 * The look-up of {@link #apply} for many rows in one statement, by the rows' index. Each part is an index scan
	 * over {@code = any(array)}, so the plan stays right while an import grows the tables faster than their
	 * statistics follow (a join with the unnested rows turned into sequential scans there).
	 */
	private Map<Integer, List<Match>> lookUp(List<Customer> rows) {
		if (rows.isEmpty()) return Map.of();
		Map<String, Integer> rowOf = new HashMap<>();
		List<String> numbers = new ArrayList<>(), mails = new ArrayList<>(), handleChannels = new ArrayList<>(), handles = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Customer c = rows.get(i);
			rowOf.put("n:" + c.customerNumber(), i);
			numbers.add(c.customerNumber());
			if (c.fields().email() != null) {
				String mail = c.fields().email().toLowerCase(Locale.ROOT);
				rowOf.put("m:" + mail, i);
				mails.add(mail);
			}
			for (int h = 0; h < c.handles().length; h++) {
				String handle = c.handles()[h].toLowerCase(Locale.ROOT);
				rowOf.put("h:" + c.channels()[h] + "\u001f" + handle, i);
				if (!handleChannels.contains(c.channels()[h])) handleChannels.add(c.channels()[h]);
				handles.add(handle);
			}
		}
		Map<Integer, List<Match>> found = new HashMap<>();
		jdbc.sql("""
				select 'number', 'n:' || p.customer_number, p.id, p.customer_number from persons p
				where p.customer_number = any(?::text[]) and p.merged_into is null
				union all
				select 'e-mail address', 'm:' || lower(i.handle), i.person_id, p.customer_number from identities i join persons p on p.id = i.person_id
				where i.channel = 'email' and lower(i.handle) = any(?::text[])
				union all
				select 'CRM e-mail address', 'm:' || lower(p.email), p.id, p.customer_number from persons p
				where lower(p.email) = any(?::text[]) and p.email is not null and p.merged_into is null
				union all
				select i.channel || ' handle', 'h:' || i.channel || chr(31) || lower(i.handle), i.person_id, p.customer_number
				from identities i join persons p on p.id = i.person_id
				where i.channel = any(?::text[]) and lower(i.handle) = any(?::text[])""")
			.params(numbers.toArray(String[]::new), mails.toArray(String[]::new), mails.toArray(String[]::new), handleChannels.toArray(String[]::new),
					handles.toArray(String[]::new))
			.query((rs, rowNum) -> {
				// a handle found on another of the rows' channels than its own row named is no evidence: no key, skipped
				Integer row = rowOf.get(rs.getString(2));
				if (row != null) found.computeIfAbsent(row, k -> new ArrayList<>()).add(new Match(rs.getString(1), rs.getLong(3), rs.getString(4)));
				return null;
			})
			.list();
		return found;
	}

	private static List<Customer> customers(List<Parsed> rows) {
		return rows.stream().map(Parsed::customer).toList();
	}

	/** Inserts the rows as new persons; their ids in row order. */
	private List<Long> insertAll(List<Customer> rows) {
		if (rows.isEmpty()) return List.of();
		Columns c = Columns.of(rows);
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("""
				insert into persons (display_name, customer_number, email, segment, value, contact_channel, contact_times, tags, phone)
				select n.display_name, n.customer_number, n.email, n.segment, n.value::numeric, n.contact_channel, n.contact_times,
				       string_to_array(n.tags, ','), n.phone
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				  as n(display_name, customer_number, email, segment, value, contact_channel, contact_times, tags, phone)
				returning customer_number, id""")
			.params(c.names, c.numbers, c.emails, c.segments, c.values, c.contactChannels, c.contactTimes, c.tags, c.phones)
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return rows.stream().map(row -> ids.get(row.customerNumber())).toList();
	}

	/** Writes each row's non-blank fields over its person's (as {@link #update}); the persons that changed. */
	private Set<Long> updateAll(List<Customer> rows, List<Long> targets) {
		if (rows.isEmpty()) return Set.of();
		Columns c = Columns.of(rows);
		return new HashSet<>(jdbc.sql("""
				update persons p set display_name = coalesce(n.display_name, p.display_name), customer_number = n.customer_number,
				  email = coalesce(n.email, p.email), segment = coalesce(n.segment, p.segment), value = coalesce(n.value, p.value),
				  contact_channel = coalesce(n.contact_channel, p.contact_channel), contact_times = coalesce(n.contact_times, p.contact_times),
				  tags = case when cardinality(n.tags) > 0 then n.tags else p.tags end, phone = coalesce(n.phone, p.phone)
				from (select id, display_name, customer_number, email, segment, value::numeric as value, contact_channel, contact_times,
				             string_to_array(tags, ',') as tags, phone
				      from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				        as u(id, display_name, customer_number, email, segment, value, contact_channel, contact_times, tags, phone)) n
				where p.id = n.id and (
				  (n.display_name is not null and n.display_name is distinct from p.display_name)
				  or n.customer_number is distinct from p.customer_number
				  or (n.email is not null and n.email is distinct from p.email)
				  or (n.segment is not null and n.segment is distinct from p.segment)
				  or (n.value is not null and n.value is distinct from p.value)
				  or (n.contact_channel is not null and n.contact_channel is distinct from p.contact_channel)
				  or (n.contact_times is not null and n.contact_times is distinct from p.contact_times)
				  or (cardinality(n.tags) > 0 and n.tags is distinct from p.tags)
				  or (n.phone is not null and n.phone is distinct from p.phone))
				returning p.id""")
			.params(targets.toArray(Long[]::new), c.names, c.numbers, c.emails, c.segments, c.values, c.contactChannels, c.contactTimes, c.tags,
					c.phones)
			.query(Long.class)
			.list());
	}

	/** Adds the rows' handles that no identity has yet to the rows' persons; how many each person got. */
	private Map<Long, Integer> addHandlesAll(List<Customer> rows, List<Long> persons) {
		List<Long> owner = new ArrayList<>();
		List<String> channels = new ArrayList<>(), handles = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Customer c = rows.get(i);
			for (int h = 0; h < c.handles().length; h++) {
				owner.add(persons.get(i));
				channels.add(c.channels()[h]);
				handles.add(c.handles()[h]);
			}
		}
		if (owner.isEmpty()) return Map.of();
		Map<Long, Integer> added = new HashMap<>();
		jdbc.sql("""
				insert into identities (channel, handle, first_seen, last_seen, person_id)
				select h.c, h.hd, now(), now(), h.p from unnest(?::bigint[], ?::text[], ?::text[]) as h(p, c, hd)
				on conflict (channel, lower(handle)) do nothing
				returning person_id""")
			.params(owner.toArray(Long[]::new), channels.toArray(String[]::new), handles.toArray(String[]::new))
			.query(Long.class)
			.list()
			.forEach(p -> added.merge(p, 1, Integer::sum));
		return added;
	}

	/** The rows' fields as one array per column, for {@code unnest}. Tags are joined with commas (a CSV tag holds none). */
	private record Columns(String[] names, String[] numbers, String[] emails, String[] segments, String[] values, String[] contactChannels,
			String[] contactTimes, String[] tags, String[] phones) {

		static Columns of(List<Customer> rows) {
			int n = rows.size();
			Columns c = new Columns(new String[n], new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
					new String[n], new String[n]);
			for (int i = 0; i < n; i++) {
				Customer customer = rows.get(i);
				CrmFields f = customer.fields();
				c.names[i] = f.displayName();
				c.numbers[i] = customer.customerNumber();
				c.emails[i] = f.email();
				c.segments[i] = f.segment();
				c.values[i] = f.value() == null ? null : f.value().toPlainString();
				c.contactChannels[i] = f.contactChannel();
				c.contactTimes[i] = f.contactTimes();
				c.tags[i] = String.join(",", f.tags());
				c.phones[i] = customer.phone();
			}
			return c;
		}
	}

	/** A row failed in the database without a savepoint: the chunk's transaction must be rolled back. */
	private static final class RowFailed extends RuntimeException {
		final long line;

		RowFailed(long line, RuntimeException cause) {
			super(cause);
			this.line = line;
		}
	}

	private List<CrmImportReport.RowOutcome> writeRow(CsvRecords.Row row, Layout layout, boolean dryRun, Long actorId, boolean savepoint) {
		if (row.error() != null) return List.of(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, row.error()));
		Customer c;
		try {
			c = layout.parse(row.fields());
		}
		catch (IllegalArgumentException e) {
			return List.of(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, e.getMessage()));
		}
		if (!savepoint) {
			try {
				return apply(row.line(), c, dryRun, actorId);
			}
			catch (Conflict e) {
				// thrown after reading only: the transaction is intact
				return List.of(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, e.getMessage()));
			}
			catch (RuntimeException e) {
				throw new RowFailed(row.line(), e);
			}
		}
		try {
			return rowTx.execute(s -> apply(row.line(), c, dryRun, actorId));
		}
		catch (IllegalArgumentException | MergeRefused e) {
			return List.of(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null, e.getMessage()));
		}
		catch (DataIntegrityViolationException e) {
			return List.of(new CrmImportReport.RowOutcome(row.line(), "REJECTED", null,
					"conflicts with a change made meanwhile (a customer number or handle taken by another person)"));
		}
	}

	/** The row's evidence contradicts what is stored; found before anything was written. */
	private static final class Conflict extends IllegalArgumentException {
		Conflict(String message) {
			super(message);
		}
	}

	/** One row's customer as parsed; {@code null} fields were blank or not in the file. */
	record Customer(String customerNumber, CrmFields fields, String phone, String[] channels, String[] handles) {
	}

	private record Match(String why, long personId, String customerNumber) {
	}

	/**
	 * What a row's matches decide: the person it is written to ({@code null}: a new one), the other persons its
	 * evidence points at (linked to it), and what it was found by.
	 */
	private record Decision(Long target, TreeSet<Long> others, String why) {
	}

	/** @throws Conflict when a match belongs to a person with another customer number */
	private static Decision decide(Customer c, List<Match> matches) {
		Long byNumber = null;
		TreeSet<Long> evidence = new TreeSet<>();
		for (Match m : matches) {
			if (m.why().equals("number")) byNumber = m.personId();
			else {
				if (m.customerNumber() != null && !m.customerNumber().equals(c.customerNumber()))
					throw new Conflict("the " + m.why() + " belongs to person " + m.personId() + ", who has another customer number");
				evidence.add(m.personId());
			}
		}
		Long target = byNumber != null ? byNumber : evidence.isEmpty() ? null : evidence.first();
		if (target != null) evidence.remove(target);
		String why = byNumber != null ? "customer number" : matches.stream().filter(m -> !m.why().equals("number"))
			.map(Match::why).distinct().reduce((a, b) -> a + ", " + b).orElse("");
		return new Decision(target, evidence, why);
	}

	/** One row on its own: the look-up, then create, or link and update. */
	private List<CrmImportReport.RowOutcome> apply(long line, Customer c, boolean dryRun, Long actorId) {
		Decision d = decide(c, lookUp(List.of(c)).getOrDefault(0, List.of()));
		List<CrmImportReport.RowOutcome> out = new ArrayList<>(2);
		if (d.target() == null) {
			long id = insert(c);
			addHandles(id, c);
			out.add(new CrmImportReport.RowOutcome(line, "CREATED", dryRun ? null : id, null));
			return out;
		}
		long target = d.target();
		for (long other : d.others()) {
			links.merge(target, other, PersonLinks.Evidence.CRM, actorId);
			out.add(new CrmImportReport.RowOutcome(line, "LINKED", target, "person " + other + " joins person " + target));
		}
		boolean changed = update(target, c) | addHandles(target, c) > 0;
		out.add(new CrmImportReport.RowOutcome(line, changed || !d.others().isEmpty() ? "UPDATED" : "UNCHANGED", target, "found by " + d.why()));
		return out;
	}

	private long insert(Customer c) {
		return insertAll(List.of(c)).getFirst();
	}

	/** Writes the row's non-blank fields over the person's; true when anything changed. */
	private boolean update(long personId, Customer c) {
		return !updateAll(List.of(c), List.of(personId)).isEmpty();
	}

	/** Adds the row's handles that no identity has yet as identities of the person; returns how many. */
	private int addHandles(long personId, Customer c) {
		return addHandlesAll(List.of(c), List.of(personId)).getOrDefault(personId, 0);
	}

	/** Where each mapped field is in the rows of one file. */
	record Layout(int width, int customerNumber, int email, int name, int segment, int value, int phone, int tags, int contactChannel,
			int contactTimes, Map<String, Integer> handles) {

		static Layout of(List<String> header, CrmColumns columns) {
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < header.size(); i++) index.putIfAbsent(CrmColumns.key(header.get(i)), i);
			int number = index.getOrDefault(CrmColumns.key(columns.customerNumber()), -1);
			if (number < 0)
				throw new UnreadableFile("the header has no column '" + columns.customerNumber() + "' for the customer number (it has: "
						+ String.join(", ", header.stream().limit(30).toList()) + ")");
			Map<String, Integer> handles = new LinkedHashMap<>();
			columns.handles().forEach((channel, column) -> {
				Integer at = index.get(CrmColumns.key(column));
				if (at != null && column != null && !column.isBlank()) handles.put(channel, at);
			});
			return new Layout(header.size(), number, at(index, columns.email()), at(index, columns.name()), at(index, columns.segment()),
					at(index, columns.value()), at(index, columns.phone()), at(index, columns.tags()), at(index, columns.contactChannel()),
					at(index, columns.contactTimes()), handles);
		}

		private static int at(Map<String, Integer> index, String column) {
			return column == null || column.isBlank() ? -1 : index.getOrDefault(CrmColumns.key(column), -1);
		}

		Customer parse(List<String> fields) {
			if (fields.size() != width)
				throw new IllegalArgumentException("has " + fields.size() + " fields where the header has " + width);
			String number = cell(fields, customerNumber);
			if (number == null) throw new IllegalArgumentException("no customer number");
			if (number.length() > 100) throw new IllegalArgumentException("the customer number is longer than 100 characters");
			String rawValue = cell(fields, value);
			String rawTags = cell(fields, tags);
			CrmFields f = new CrmFields(cell(fields, name), number, cell(fields, email), cell(fields, segment), amount(rawValue),
					cell(fields, contactChannel), cell(fields, contactTimes), rawTags == null ? List.of() : Arrays.asList(rawTags.split("[,;|]")));
			String phone = cell(fields, this.phone);
			if (phone != null && (phone.length() > 50 || !phone.matches("[+0-9 ()./-]+")))
				throw new IllegalArgumentException("phone '" + abbreviate(phone) + "' is not a phone number");
			List<String> channels = new ArrayList<>(), found = new ArrayList<>();
			handles.forEach((channel, at) -> {
				String cell = cell(fields, at);
				if (cell == null) return;
				// an export lists several handles on one channel separated by |
				for (String handle : cell.split("\\|")) {
					handle = handle.strip();
					if (handle.isEmpty()) continue;
					if (handle.length() > 200 || handle.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch)))
						throw new IllegalArgumentException("the " + channel + " handle '" + abbreviate(handle) + "' is not a handle");
					channels.add(channel);
					found.add(handle);
				}
			});
			return new Customer(number, f, phone, channels.toArray(String[]::new), found.toArray(String[]::new));
		}

		private static String cell(List<String> fields, int at) {
			if (at < 0) return null;
			String s = fields.get(at);
			return s == null || s.isBlank() ? null : PersonCsv.unsafe(s.strip());
		}

		/** 1234.5, 1234,50, 1.234,50 and 1,234.50 are all numbers; the last separator is the decimal one. */
		static BigDecimal amount(String raw) {
			if (raw == null) return null;
			String s = raw.replace(" ", "").replace("\u00A0", "").replace("€", "");
			int comma = s.lastIndexOf(','), dot = s.lastIndexOf('.');
			if (comma > dot) s = s.replace(".", "").replace(',', '.');
			else if (dot > comma && comma >= 0) s = s.replace(",", "");
			try {
				return new BigDecimal(s);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("value '" + abbreviate(raw) + "' is not a number");
			}
		}

		private static String abbreviate(String s) {
			return s.length() > 40 ? s.substring(0, 40) + "…" : s;
		}
	}

	private static final class Tally {
		private final boolean dryRun;
		private long created, updated, unchanged, linked, rejected;
		private final Map<String, Integer> listed = new HashMap<>();
		private final List<CrmImportReport.RowOutcome> rows = new ArrayList<>();

		Tally(boolean dryRun) {
			this.dryRun = dryRun;
		}

		void add(CrmImportReport.RowOutcome o) {
			switch (o.kind()) {
				case "CREATED" -> created++;
				case "UPDATED" -> updated++;
				case "UNCHANGED" -> unchanged++;
				case "LINKED" -> linked++;
				default -> rejected++;
			}
			if (listed.merge(o.kind(), 1, Integer::sum) <= MAX_LISTED && !Objects.equals(o.kind(), "UNCHANGED")) rows.add(o);
		}

		CrmImportReport report() {
			rows.sort(java.util.Comparator.comparingLong(CrmImportReport.RowOutcome::line));
			return new CrmImportReport(dryRun, created, updated, unchanged, linked, rejected, List.copyOf(rows));
		}
	}
}

package nl.luister.customer;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.audit.AuditLog;
import nl.luister.mention.StoredMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves mention authors to identities and persons, and reads and edits persons.
 *
 * <p>Resolution runs on the pipeline's hot path inside its batch transaction: one statement per batch
 * upserts the authors' identities (an identity is unique per channel and case-insensitive handle), creates a
 * person for each new identity (or links a new e-mail identity to the person whose CRM e-mail it is) and
 * sets {@code mentions.identity_id}. Authors without a handle get no identity. Thread-safe; every method
 * joins the caller's transaction or opens its own.
 */
@Service
public class Customers {

	static final String PERSON_COLUMNS = """
			p.id, p.display_name, p.customer_number, p.email, p.segment, p.value, p.contact_channel, p.contact_times, p.tags,
			p.created_at, p.merged_into, p.tier, p.tier_basis::text as tier_basis""";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final PersonLinks links;
	private final JsonMapper json;
	private final InfluenceTiers tiers;
	private final LinkConfirmations confirmations;

	Customers(JdbcClient jdbc, AuditLog audit, PersonLinks links, JsonMapper json, InfluenceTiers tiers, LinkConfirmations confirmations) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.links = links;
		this.json = json;
		this.tiers = tiers;
		this.confirmations = confirmations;
	}

	/**
	 * Resolves the authors of freshly stored mentions (entries may be {@code null}: skipped) and records each
	 * mention's identity. Returns the identity id at the index of each mention, {@code null} where the author
	 * has no handle or the entry was {@code null}.
	 */
	@Transactional
	public List<Long> resolve(List<StoredMention> mentions) {
		int n = 0;
		for (StoredMention m : mentions) if (m != null && hasHandle(m)) n++;
		Long[] result = new Long[mentions.size()];
		if (n == 0) return Arrays.asList(result);
		long[] ids = new long[n];
		String[] channels = new String[n], handles = new String[n], names = new String[n], followers = new String[n], published = new String[n];
		int k = 0;
		for (StoredMention m : mentions) {
			if (m == null || !hasHandle(m)) continue;
			ids[k] = m.id();
			channels[k] = m.channel().key();
			handles[k] = m.authorHandle().strip();
			names[k] = m.authorName();
			followers[k] = m.authorFollowers() == null ? null : m.authorFollowers().toString();
			published[k] = m.publishedAt().toString();
			k++;
		}
		Map<Long, Long> identityOfMention = new HashMap<>(n * 2);
		// One statement: upsert identities in a stable order (so concurrent batches lock rows alike), create the
		// persons of new identities with ids taken beforehand, audit links made on e-mail evidence, set the
		// mentions' identity. Foreign keys are checked at the end of the statement, after the persons exist.
		jdbc.sql("""
				with t as (
				  select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
				    as t(mention_id, channel, handle, name, followers, published)),
				a as (
				  select distinct on (channel, lower(handle)) channel, handle, lower(handle) as key,
				         name, followers::int as followers,
				         min(published) over w as first_seen, max(published) over w as last_seen
				  from t window w as (partition by channel, lower(handle))
				  order by channel, lower(handle), published desc),
				b as (
				  select a.*, (select i.person_id from identities i where i.channel = a.channel and lower(i.handle) = a.key) as known,
				         case when a.channel = 'email' then
				           (select p.id from persons p where lower(p.email) = a.key and p.merged_into is null order by p.id limit 1)
				         end as by_email
				  from a),
				ins as (
				  insert into identities as i (channel, handle, display_name, followers, first_seen, last_seen, person_id)
				  select b.channel, b.handle, b.name, b.followers, b.first_seen, b.last_seen,
				         coalesce(b.known, b.by_email, nextval('persons_id_seq'))
				  from b order by b.channel, b.key
				  on conflict (channel, lower(handle)) do update set
				    display_name = coalesce(excluded.display_name, i.display_name),
				    followers = coalesce(excluded.followers, i.followers),
				    first_seen = least(i.first_seen, excluded.first_seen),
				    last_seen = greatest(i.last_seen, excluded.last_seen)
				  returning i.id, i.channel, lower(i.handle) as key, i.handle, i.display_name, i.person_id, (i.xmax = 0) as inserted),
				np as (
				  insert into persons (id, display_name)
				  select ins.person_id, coalesce(ins.display_name, ins.handle) from ins
				  where ins.inserted and not exists (select 1 from persons p where p.id = ins.person_id)),
				au as (
				  insert into audit_log (action, subject_type, subject_id, detail)
				  select 'identity.linked.email', 'person', ins.person_id, jsonb_build_object('identity', ins.id, 'evidence', 'EMAIL')
				  from ins join b on b.channel = ins.channel and b.key = ins.key
				  where ins.inserted and b.known is null and b.by_email is not null),
				up as (
				  update mentions m set identity_id = ins.id
				  from t join ins on ins.channel = t.channel and ins.key = lower(t.handle)
				  where m.id = t.mention_id)
				select t.mention_id, ins.id from t join ins on ins.channel = t.channel and ins.key = lower(t.handle)""")
			.params(ids, channels, handles, names, followers, published)
			.query((rs, row) -> identityOfMention.put(rs.getLong(1), rs.getLong(2)))
			.list();
		for (int i = 0; i < mentions.size(); i++) {
			StoredMention m = mentions.get(i);
			if (m != null) result[i] = identityOfMention.get(m.id());
			if (m != null && result[i] != null) confirmations.confirmFrom(m.text(), result[i]);
		}
		if (tiers.incremental()) tiers.updateIncrementally(ids, Instant.now());
		return Arrays.asList(result);
	}

	private static boolean hasHandle(StoredMention m) {
		return m.authorHandle() != null && !m.authorHandle().isBlank();
	}

	/** The person, following merges to the one that holds the identities now. */
	public Person person(long id) {
		Person p = find(id).orElseThrow(() -> new PersonNotFound(id));
		for (int hops = 0; p.mergedInto() != null && hops < 100; hops++) p = find(p.mergedInto()).orElseThrow(() -> new PersonNotFound(id));
		return p;
	}

	/** The person as stored (possibly merged into another), or empty. */
	public Optional<Person> find(long id) {
		return jdbc.sql("select " + PERSON_COLUMNS + " from persons p where p.id = ?").param(id).query(this::mapPerson).optional();
	}

	public List<Identity> identitiesOf(long personId) {
		return jdbc.sql("select * from identities where person_id = ? order by channel, lower(handle)")
			.param(personId)
			.query(Customers::mapIdentity)
			.list();
	}

	/** The person an identity on a channel belongs to ({@code handle} case-insensitive), or empty. */
	public Optional<Long> personOf(String channel, String handle) {
		if (handle == null || handle.isBlank()) return Optional.empty();
		return jdbc.sql("select person_id from identities where channel = ? and lower(handle) = lower(?)")
			.params(channel, handle.strip())
			.query(Long.class)
			.optional();
	}

	/**
	 * Persons whose name, a handle or an identity's display name contains {@code q} (case-insensitive), or whose
	 * customer number or CRM e-mail is {@code q}; the most recently active first. Merged persons are left out.
	 */
	public List<Person> search(String q, int limit) {
		String query = q == null ? "" : q.strip();
		if (query.isEmpty()) {
			return jdbc.sql("select " + PERSON_COLUMNS + " from persons p where p.merged_into is null order by p.id desc limit ?")
				.param(limit)
				.query(this::mapPerson)
				.list();
		}
		String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				select %s from persons p
				where p.merged_into is null and (lower(p.display_name) like :like or p.customer_number = :q or lower(p.email) = lower(:q)
				  or exists (select 1 from identities i where i.person_id = p.id
				             and (lower(i.handle) like :like or lower(i.display_name) like :like)))
				order by (select max(i.last_seen) from identities i where i.person_id = p.id) desc nulls last, p.id desc
				limit :limit""".formatted(PERSON_COLUMNS))
			.param("like", like)
			.param("q", query)
			.param("limit", limit)
			.query(this::mapPerson)
			.list();
	}

	/**
	 * Updates a person's CRM fields, with an audit entry naming the changed fields (never their values). A CRM
	 * e-mail address that is the handle of an e-mail identity of another person links that person to this one
	 * (a merge with evidence EMAIL, undoable like any merge). Returns the merge it made, if any.
	 */
	@Transactional
	public Optional<PersonLinks.Merge> updateCrm(long personId, CrmFields f, Long actorId) {
		Person before = jdbc.sql("select " + PERSON_COLUMNS + " from persons p where p.id = ? for update")
			.param(personId)
			.query(this::mapPerson)
			.optional()
			.orElseThrow(() -> new PersonNotFound(personId));
		if (before.mergedInto() != null)
			throw new MergeRefused("person " + personId + " was merged into person " + before.mergedInto() + ": edit that person instead");
		List<String> changed = new ArrayList<>();
		if (!java.util.Objects.equals(before.displayName(), f.displayName())) changed.add("displayName");
		if (!java.util.Objects.equals(before.customerNumber(), f.customerNumber())) changed.add("customerNumber");
		if (!java.util.Objects.equals(before.email(), f.email())) changed.add("email");
		if (!java.util.Objects.equals(before.segment(), f.segment())) changed.add("segment");
		if (before.value() == null ? f.value() != null : f.value() == null || before.value().compareTo(f.value()) != 0) changed.add("value");
		if (!java.util.Objects.equals(before.contactChannel(), f.contactChannel())) changed.add("contactChannel");
		if (!java.util.Objects.equals(before.contactTimes(), f.contactTimes())) changed.add("contactTimes");
		if (!before.tags().equals(f.tags())) changed.add("tags");
		if (f.customerNumber() != null) {
			Optional<Long> holder = jdbc.sql("select id from persons where customer_number = ? and merged_into is null and id <> ?")
				.params(f.customerNumber(), personId).query(Long.class).optional();
			if (holder.isPresent())
				throw new IllegalArgumentException("customer number " + f.customerNumber() + " already belongs to person " + holder.get());
		}
		jdbc.sql("""
				update persons set display_name = ?, customer_number = ?, email = ?, segment = ?, value = ?, contact_channel = ?,
				  contact_times = ?, tags = ? where id = ?""")
			.params(f.displayName(), f.customerNumber(), f.email(), f.segment(), f.value(), f.contactChannel(), f.contactTimes(),
					f.tags().toArray(String[]::new), personId)
			.update();
		if (!changed.isEmpty()) audit.record(actorId, "person.update", "person", personId, Map.of("fields", changed));
		if (f.email() == null) return Optional.empty();
		Optional<Long> other = personOf("email", f.email()).filter(p -> p != personId);
		return other.map(o -> links.merge(personId, o, PersonLinks.Evidence.EMAIL, actorId));
	}

	/**
	 * Persons that may be the same human, shown to agents and never linked automatically: an identity on
	 * another channel with the same display name, or a profile address that names the other's handle.
	 */
	public List<Suggestion> suggestions(long personId) {
		return jdbc.sql("""
				select distinct on (o.person_id) o.person_id, o.channel, o.handle, o.display_name,
				       case when lower(o.display_name) = lower(mine.display_name) and o.channel <> mine.channel then 'SAME_NAME'
				            else 'PROFILE_LINK' end as reason
				from identities mine
				join identities o on o.person_id <> mine.person_id and (
				    (o.channel <> mine.channel and lower(o.display_name) = lower(mine.display_name) and length(trim(mine.display_name)) > 2)
				 or (o.profile_url is not null and length(mine.handle) > 2 and position(lower(mine.handle) in lower(o.profile_url)) > 0)
				 or (mine.profile_url is not null and length(o.handle) > 2 and position(lower(o.handle) in lower(mine.profile_url)) > 0))
				where mine.person_id = ?
				order by o.person_id, reason desc
				limit 20""")
			.param(personId)
			.query((rs, row) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** A person that may be the same human: {@code reason} is SAME_NAME or PROFILE_LINK. */
	public record Suggestion(long personId, String channel, String handle, String displayName, String reason) {
	}

	/**
	 * Everything that happened with a person across channels, newest first: their messages (with their case),
	 * our replies and internal notes on their cases.
	 */
	public List<TimelineEntry> timeline(long personId, int limit) {
		return jdbc.sql("""
				with mine as (select m.* from mentions m join identities i on i.id = m.identity_id where i.person_id = :p),
				     their_cases as (select distinct case_id from mine where case_id is not null)
				select 'MESSAGE' as kind, m.published_at as at, m.channel, m.id as ref, m.case_id, m.author_handle as who, m.title, m.text
				from mine m
				union all
				select 'REPLY', r.created_at, c.channel, r.id, r.case_id, coalesce(u.display_name, u.username), r.state, r.text
				from replies r join their_cases tc on tc.case_id = r.case_id join cases c on c.id = r.case_id
				left join users u on u.id = r.author_id
				union all
				select 'NOTE', n.created_at, c.channel, n.id, n.case_id, coalesce(u.display_name, u.username), null, n.text
				from case_notes n join their_cases tc on tc.case_id = n.case_id join cases c on c.id = n.case_id
				left join users u on u.id = n.author_id
				order by at desc, ref desc limit :limit""")
			.param("p", personId)
			.param("limit", limit)
			.query((rs, row) -> {
				long caseId = rs.getLong("case_id");
				return new TimelineEntry(rs.getString("kind"), rs.getTimestamp("at").toInstant(), rs.getString("channel"), rs.getLong("ref"),
						rs.wasNull() ? null : caseId, rs.getString("who"), rs.getString("title"), rs.getString("text"));
			})
			.list();
	}

	/**
	 * One line of a person's timeline: {@code kind} MESSAGE (theirs; {@code who} is the handle, {@code title}
	 * the post's title), REPLY (ours; {@code who} the agent, {@code title} the delivery state) or NOTE.
	 * {@code caseId} is {@code null} for a message that reached no case.
	 */
	public record TimelineEntry(String kind, Instant at, String channel, long ref, Long caseId, String who, String title, String text) {
	}

	/** The cases of a person on any channel, most recent activity first. */
	public List<PersonCase> casesOf(long personId, int limit) {
		return jdbc.sql("""
				select c.id, c.status, c.channel, c.snippet, c.opened_at, c.last_activity_at
				from cases c join identities i on i.channel = c.channel and lower(c.author_handle) = lower(i.handle)
				where i.person_id = ? order by c.last_activity_at desc, c.id desc limit ?""")
			.params(personId, limit)
			.query((rs, row) -> new PersonCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The language of the customer's latest message in a case that has one ("nl", "en" …), else empty. */
	public Optional<String> languageOfCase(long caseId) {
		return jdbc.sql("select language from mentions where case_id = ? and language is not null order by published_at desc, id desc limit 1")
			.param(caseId)
			.query(String.class)
			.optional();
	}

	/** A case of a person; {@code status} is NEW, OPEN, PENDING or RESOLVED. */
	public record PersonCase(long id, String status, String channel, String snippet, Instant openedAt, Instant lastActivityAt) {
		public boolean open() {
			return !"RESOLVED".equals(status);
		}
	}

	/**
	 * What the case view shows about the author of a case: their person, identities, other open and past cases
	 * on any channel, when they last wrote and when we last answered. Empty when the author has no identity.
	 */
	public Optional<PersonPanel> panelForCase(long caseId) {
		Optional<Long> personId = jdbc.sql("""
				select i.person_id from cases c join identities i on i.channel = c.channel and lower(i.handle) = lower(c.author_handle)
				where c.id = ?""")
			.param(caseId)
			.query(Long.class)
			.optional();
		if (personId.isEmpty()) return Optional.empty();
		Person p = person(personId.get());
		List<PersonCase> cases = casesOf(p.id(), 21).stream().filter(c -> c.id() != caseId).limit(20).toList();
		Timestamp lastReply = jdbc.sql("""
				select max(coalesce(r.sent_at, r.created_at)) from replies r
				where r.case_id in (select c.id from cases c join identities i on i.channel = c.channel and lower(c.author_handle) = lower(i.handle)
				                    where i.person_id = ?)""")
			.param(p.id())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		List<Identity> identities = identitiesOf(p.id());
		Instant lastMessage = identities.stream().map(Identity::lastSeen).max(Instant::compareTo).orElse(null);
		return Optional.of(new PersonPanel(p, identities, cases.stream().filter(PersonCase::open).toList(),
				cases.stream().filter(c -> !c.open()).toList(), lastMessage, lastReply == null ? null : lastReply.toInstant(),
				sentimentTrend(p.id(), Instant.now())));
	}

	/** The person panel of the case view; {@code lastMessage}/{@code lastReply} may be {@code null}. */
	public record PersonPanel(Person person, List<Identity> identities, List<PersonCase> openCases, List<PersonCase> pastCases,
			Instant lastMessage, Instant lastReply, SentimentTrend trend) {
	}

	/** A person's sentiment per week over the {@value SentimentTrend#WEEKS} weeks before {@code now}: one query. */
	public SentimentTrend sentimentTrend(long personId, Instant now) {
		SentimentTrend.Week[] weeks = new SentimentTrend.Week[SentimentTrend.WEEKS];
		for (int w = 0; w < weeks.length; w++) weeks[w] = new SentimentTrend.Week(w, 0, 0, 0);
		Timestamp at = Timestamp.from(now);
		jdbc.sql("""
				select floor(extract(epoch from (?::timestamptz - m.published_at)) / 604800)::int as weeks_ago,
				       count(*) filter (where m.sentiment = 'POSITIVE'), count(*) filter (where m.sentiment = 'NEGATIVE'), count(*)
				from mentions m join identities i on i.id = m.identity_id
				where i.person_id = ? and m.sentiment is not null and m.published_at > ?::timestamptz - interval '84 days' and m.published_at <= ?::timestamptz
				group by 1""")
			.params(at, personId, at, at)
			.query((rs, row) -> {
				int w = rs.getInt(1);
				if (w >= 0 && w < weeks.length) weeks[w] = new SentimentTrend.Week(w, rs.getInt(2), rs.getInt(3), rs.getInt(4));
				return w;
			})
			.list();
		List<SentimentTrend.Week> oldestFirst = new ArrayList<>(Arrays.asList(weeks));
		java.util.Collections.reverse(oldestFirst);
		return new SentimentTrend(List.copyOf(oldestFirst));
	}

	/** The influence tier of each case's author where known, keyed by case id: one query for an inbox page. */
	public Map<Long, Integer> tiersOfCases(List<Long> caseIds) {
		Map<Long, Integer> tiers = new LinkedHashMap<>();
		if (caseIds.isEmpty()) return tiers;
		jdbc.sql("""
				select c.id, p.tier from cases c
				join identities i on i.channel = c.channel and lower(i.handle) = lower(c.author_handle)
				join persons p on p.id = i.person_id
				where c.id = any(?) and p.tier is not null""")
			.param(caseIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> tiers.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return tiers;
	}

	Person mapPerson(ResultSet rs, int row) throws SQLException {
		long merged = rs.getLong("merged_into");
		Long mergedInto = rs.wasNull() ? null : merged;
		int tier = rs.getInt("tier");
		Integer tierValue = rs.wasNull() ? null : tier;
		String basis = rs.getString("tier_basis");
		Array tags = rs.getArray("tags");
		BigDecimal value = rs.getBigDecimal("value");
		return new Person(rs.getLong("id"), rs.getString("display_name"), rs.getString("customer_number"), rs.getString("email"),
				rs.getString("segment"), value, rs.getString("contact_channel"), rs.getString("contact_times"),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getTimestamp("created_at").toInstant(), mergedInto,
				tierValue, basis == null ? null : json.readValue(basis, TierBasis.class));
	}

	static Identity mapIdentity(ResultSet rs, int row) throws SQLException {
		int followers = rs.getInt("followers");
		Integer f = rs.wasNull() ? null : followers;
		return new Identity(rs.getLong("id"), rs.getString("channel"), rs.getString("handle"), rs.getString("display_name"), f,
				rs.getString("profile_url"), rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
				rs.getLong("person_id"));
	}
}

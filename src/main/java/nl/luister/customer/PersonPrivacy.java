package nl.luister.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.luister.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GDPR rights of a person: an export of everything Luister holds about them and erasure. Both are
 * audited (the entry holds ids and counts, never personal text). Erasure follows merges: it erases the
 * person, every person merged into them and all their identities.
 */
@Service
public class PersonPrivacy {

	/** What replaces erased personal text. */
	public static final String ERASED = "[erased]";

	private final JdbcClient jdbc;
	private final Customers customers;
	private final PersonLinks links;
	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	PersonPrivacy(JdbcClient jdbc, Customers customers, PersonLinks links, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.links = links;
	}

	/**
	 * Everything about a person as plain JSON-ready maps: the person with CRM fields and tier, identities, every
	 * message with its case, the cases with our replies and the notes on them, merges and audit entries.
	 */
	@Transactional
	public Map<String, Object> export(long personId, Long actorId) {
		Person p = customers.person(personId);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("person", p);
		java.util.List<String> phone = jdbc.sql("select phone from persons where id = ?").param(p.id()).query(String.class).list();
		out.put("phone", phone.isEmpty() ? null : phone.getFirst());
		out.put("identities", customers.identitiesOf(p.id()));
		out.put("mentions", jdbc.sql("""
				select m.id, m.channel, m.external_id, m.author_handle, m.author_name, m.author_followers, m.title, m.text, m.url,
				       m.published_at, m.in_reply_to, m.case_id, m.addressed
				from mentions m join identities i on i.id = m.identity_id where i.person_id = ? order by m.published_at, m.id""")
			.param(p.id()).query().listOfRows());
		String ofTheirCases = "(select distinct m.case_id from mentions m join identities i on i.id = m.identity_id where i.person_id = ? and m.case_id is not null)";
		out.put("cases", jdbc.sql("select id, status, channel, author_handle, author_name, snippet, opened_at, last_activity_at, resolved_at from cases where id in "
				+ ofTheirCases + " order by opened_at").param(p.id()).query().listOfRows());
		out.put("replies", jdbc.sql("select id, case_id, text, state, created_at, sent_at from replies where case_id in " + ofTheirCases + " order by created_at")
			.param(p.id()).query().listOfRows());
		out.put("notes", jdbc.sql("select id, case_id, text, created_at from case_notes where case_id in " + ofTheirCases + " order by created_at")
			.param(p.id()).query().listOfRows());
		out.put("merges", links.mergesOf(p.id()));
		out.put("audit", audit.about("person", p.id()));
		// written after the read, so the export itself is in the log but not in this export
		audit.record(actorId, "person.export", "person", p.id(), Map.of());
		return out;
	}

	/**
	 * Erases a person: their identities are deleted; their messages' text, title, author and address become
	 * {@value #ERASED}; their cases keep an anonymised shell (status, channel, times, counts) for statistics;
	 * notes on those cases are deleted and our replies there are blanked; the person row and merged-in rows go.
	 * Returns how many messages were erased.
	 */
	@Transactional
	public int erase(long personId, Long actorId) {
		Person p = customers.person(personId);
		long id = p.id();
		// the person and everyone merged into them, directly or through a chain of merges
		long[] tree = jdbc.sql("""
				with recursive tree(id) as (select ?::bigint union select p.id from persons p join tree on p.merged_into = tree.id)
				select p.id from persons p join tree on tree.id = p.id order by p.id for update of p""")
			.param(id).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
		String theirCases = "(select distinct m.case_id from mentions m join identities i on i.id = m.identity_id where i.person_id = :p and m.case_id is not null)";
		int identities = jdbc.sql("select count(*) from identities where person_id = ?").param(id).query(Integer.class).single();
		jdbc.sql("delete from case_notes where case_id in " + theirCases).param("p", id).update();
		jdbc.sql("update replies set text = :erased, last_error = null where case_id in " + theirCases).param("p", id).param("erased", ERASED).update();
		jdbc.sql("update case_events set detail = null where case_id in " + theirCases).param("p", id).update();
		jdbc.sql("""
				update cases c set author_handle = :erased, author_name = :erased, snippet = :erased
				from identities i where i.person_id = :p and c.channel = i.channel and lower(c.author_handle) = lower(i.handle)""")
			.param("p", id).param("erased", ERASED).update();
		// copies elsewhere (rollups, alert evidence) go in this transaction too
		List<PersonErased.Account> accounts = jdbc.sql("select channel, handle from identities where person_id = ?").param(id)
			.query((rs, n) -> new PersonErased.Account(rs.getString(1), rs.getString(2))).list();
		List<Long> theirMentions = jdbc.sql("select m.id from mentions m join identities i on i.id = m.identity_id where i.person_id = ?").param(id)
			.query(Long.class).list();
		events.publishEvent(new PersonErased(id, accounts, theirMentions));
		int mentions = jdbc.sql("""
				update mentions m set text = :erased, title = null, author_handle = :erased, author_name = :erased,
				  author_followers = null, url = null, identity_id = null
				from identities i where i.id = m.identity_id and i.person_id = :p""")
			.param("p", id).param("erased", ERASED).update();
		jdbc.sql("delete from identities where person_id = ?").param(id).update();
		jdbc.sql("delete from person_merges where survivor_id = any(?) or merged_id = any(?)").params(tree, tree).update();
		jdbc.sql("update persons set merged_into = null where id = any(?)").param(tree).update();
		jdbc.sql("delete from persons where id = any(?)").param(tree).update();
		audit.record(actorId, "person.erase", "person", id, Map.of("identities", identities, "mentions", mentions, "persons", tree.length));
		return mentions;
	}
}

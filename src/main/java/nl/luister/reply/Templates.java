package nl.luister.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.luister.cases.CaseNotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reply templates per brand (or every brand) and language, stored in {@code reply_templates}, and their rendering
 * for a case: the values of the variables come from the case (customer, number, brand) and the agent who uses it.
 * Thread-safe; every method runs its own statement or joins the caller's transaction.
 */
@Service
public class Templates {

	private static final String COLUMNS = """
			t.id, t.brand_id, b.name as brand_name, t.language, t.name, t.keywords, t.body, t.updated_at
			from reply_templates t left join brands b on b.id = t.brand_id""";

	private final JdbcClient jdbc;

	Templates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every template: brand, language, name. */
	public List<ReplyTemplate> all() {
		return jdbc.sql("select " + COLUMNS + " order by b.name nulls first, t.language, lower(t.name)").query(Templates::template).list();
	}

	public Optional<ReplyTemplate> find(long id) {
		return jdbc.sql("select " + COLUMNS + " where t.id = ?").param(id).query(Templates::template).optional();
	}

	/**
	 * Creates ({@code id} null) or replaces a template.
	 *
	 * @throws InvalidTemplate when the name is taken for this brand and language, or the brand does not exist
	 * @throws TemplateNotFound when {@code id} names no template
	 */
	public ReplyTemplate save(Long id, TemplateDraft d, Long actorId) {
		if (d.brandId() != null && jdbc.sql("select count(*) from brands where id = ?").param(d.brandId()).query(Integer.class).single() == 0) {
			throw new InvalidTemplate("brand", 0, "brand " + d.brandId() + " does not exist", null);
		}
		boolean taken = jdbc.sql("""
				select exists (select 1 from reply_templates where coalesce(brand_id, 0) = coalesce(?, 0) and language = ?
				               and lower(name) = lower(?) and id <> coalesce(?, 0))""")
			.params(d.brandId(), d.language(), d.name(), id)
			.query(Boolean.class).single();
		if (taken) throw new InvalidTemplate("name", 0, "a template named '" + d.name() + "' exists for this brand and language", "choose another name");
		long saved;
		if (id == null) {
			saved = jdbc.sql("insert into reply_templates (brand_id, language, name, keywords, body, updated_by) values (?, ?, ?, ?, ?, ?) returning id")
				.params(d.brandId(), d.language(), d.name(), d.keywords(), d.body(), actorId)
				.query(Long.class).single();
		}
		else {
			int n = jdbc.sql("update reply_templates set brand_id = ?, language = ?, name = ?, keywords = ?, body = ?, updated_by = ?, updated_at = now() where id = ?")
				.params(d.brandId(), d.language(), d.name(), d.keywords(), d.body(), actorId, id)
				.update();
			if (n == 0) throw new TemplateNotFound(id);
			saved = id;
		}
		return find(saved).orElseThrow();
	}

	/** @throws TemplateNotFound when there is no such template */
	public void delete(long id) {
		if (jdbc.sql("delete from reply_templates where id = ?").param(id).update() == 0) throw new TemplateNotFound(id);
	}

	/**
	 * The templates an agent may use on this case: of its brand or of every brand (all templates when the case has
	 * no brand), the case's language first, matching {@code query} in name, keywords or text when given.
	 */
	public List<ReplyTemplate> forCase(long caseId, String query, int limit) {
		CaseContext c = context(caseId);
		String like = query == null || query.isBlank() ? null
				: "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select " + COLUMNS + " " + """
				where (?::bigint is null or t.brand_id is null or t.brand_id = ?)
				   and (?::text is null or t.name ilike ? or t.keywords ilike ? or t.body ilike ?)
				 order by (t.language = coalesce(?, '')) desc, (t.brand_id is not null) desc, lower(t.name) limit ?""")
			.params(c.brandId(), c.brandId(), like, like, like, like, c.language(), limit)
			.query(Templates::template).list();
	}

	/**
	 * The template's text for this case and agent.
	 *
	 * @param agentId the agent who will send it, or {@code null} (a rule): agent variables render as the brand, or
	 *                the account's name when the case has no brand
	 * @throws TemplateNotFound when there is no such template
	 */
	public String render(long templateId, long caseId, Long agentId) {
		ReplyTemplate t = find(templateId).orElseThrow(() -> new TemplateNotFound(templateId));
		return TemplateText.parse(t.body()).render(values(caseId, agentId));
	}

	/** What the variables stand for on this case, as stored (rendering cleans them). */
	public Map<String, String> values(long caseId, Long agentId) {
		CaseContext c = context(caseId);
		Map<String, String> v = new HashMap<>();
		v.put("customer.name", c.customerName());
		v.put("customer.first_name", firstName(c.customerName()));
		v.put("case.number", Long.toString(caseId));
		v.put("brand", c.brandName() == null ? "" : c.brandName());
		String agent = agentId == null ? null
				: jdbc.sql("select coalesce(nullif(display_name, ''), username) from users where id = ?").param(agentId)
					.query(String.class).optional().orElse(null);
		if (agent == null) agent = c.brandName() != null ? c.brandName() : c.accountName();
		v.put("agent.name", agent);
		v.put("agent.first_name", agentId == null ? agent : firstName(agent));
		return v;
	}

	/** A brand a template may be for. */
	public record Brand(long id, String name) {
	}

	/** All brands, by name. */
	public List<Brand> brands() {
		return jdbc.sql("select id, name from brands order by name").query((rs, row) -> new Brand(rs.getLong(1), rs.getString(2))).list();
	}

	/**
	 * The case's brand (may be {@code null}), language of its newest customer message (may be {@code null}), customer,
	 * and the name of the account it came in on (what a rule's reply signs with when the case has no brand).
	 */
	public record CaseContext(Long brandId, String brandName, String language, String customerName, String accountName) {
	}

	/** @throws CaseNotFound when there is no such case */
	public CaseContext context(long caseId) {
		return jdbc.sql("""
				select b.id as brand_id, b.name as brand_name, s.name as account_name, coalesce(nullif(c.author_name, ''), c.author_handle, '') as customer,
				       (select m.language from mentions m where m.case_id = c.id order by m.published_at desc, m.id desc limit 1) as language
				from cases c join sources s on s.id = c.source_id left join brands b on b.id = s.brand_id where c.id = ?""")
			.param(caseId)
			.query((rs, row) -> new CaseContext((Long) rs.getObject("brand_id"), rs.getString("brand_name"), rs.getString("language"),
					rs.getString("customer"), rs.getString("account_name")))
			.optional()
			.orElseThrow(() -> new CaseNotFound(caseId));
	}

	static String firstName(String name) {
		if (name == null) return "";
		String s = name.strip();
		if (s.startsWith("@")) s = s.substring(1);
		int space = s.indexOf(' ');
		return space < 0 ? s : s.substring(0, space);
	}

	private static ReplyTemplate template(ResultSet rs, int row) throws SQLException {
		return new ReplyTemplate(rs.getLong("id"), (Long) rs.getObject("brand_id"), rs.getString("brand_name"), rs.getString("language"),
				rs.getString("name"), rs.getString("keywords"), rs.getString("body"), rs.getTimestamp("updated_at").toInstant());
	}
}

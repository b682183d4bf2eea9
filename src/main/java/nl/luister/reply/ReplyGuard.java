package nl.luister.reply;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseSummary;
import nl.luister.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rules of engagement, checked before a reply is sent (from the reply box and the API): a case that came in on a
 * marketing account is never answered from it ({@link MarketingAccountRefused}, always, also for rules); a reply on a
 * public channel that holds or asks for personal data ({@link PersonalData}: order numbers, IBAN, phone numbers,
 * addresses, e-mail addresses) is held back ({@link PersonalDataInPublic}) until the agent confirms. E-mail is private
 * and passes; direct messages are not told apart from public posts yet, so they are treated as public. Stateless
 * apart from the database; thread-safe.
 */
@Service
public class ReplyGuard {

	private final CaseManagement cases;
	private final JdbcClient jdbc;

	ReplyGuard(CaseManagement cases, JdbcClient jdbc) {
		this.cases = cases;
		this.jdbc = jdbc;
	}

	/**
	 * Checks a draft reply to the case.
	 *
	 * @param confirmPersonalData the agent saw the personal-data warning and sends anyway
	 * @throws MarketingAccountRefused when the case came in on a marketing account
	 * @throws PersonalDataInPublic when a public reply holds or asks for personal data and it was not confirmed
	 */
	public void check(long caseId, String text, boolean confirmPersonalData) {
		CaseSummary c = cases.summary(caseId);
		if (marketing(c.sourceId())) throw new MarketingAccountRefused();
		if (confirmPersonalData || isPrivate(c.channel()) || text == null) return;
		PersonalData.Findings findings = PersonalData.inspect(text.length() > 10_000 ? text.substring(0, 10_000) : text);
		if (findings.any()) throw new PersonalDataInPublic(findings);
	}

	/** Whether the case came in on a source marked as a marketing account (the reply box warns at once). */
	public boolean marketingAccount(long caseId) {
		return marketing(cases.summary(caseId).sourceId());
	}

	/** Whether replies on this channel are private (only the customer reads them). */
	public static boolean isPrivate(Channel channel) {
		return channel == Channel.EMAIL;
	}

	/** The kinds found, lower-case and sorted: {@code ["iban", "phone"]}. */
	public static List<String> kinds(PersonalData.Findings f) {
		TreeSet<String> kinds = new TreeSet<>();
		f.asked().forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
		f.contained().forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
		return List.copyOf(kinds);
	}

	private boolean marketing(long sourceId) {
		return "MARKETING".equals(jdbc.sql("select account_role from sources where id = ?").param(sourceId)
			.query(String.class).optional().orElse(null));
	}
}

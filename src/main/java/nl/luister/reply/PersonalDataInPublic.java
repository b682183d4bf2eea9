package nl.luister.reply;

/**
 * A public reply holds or asks for personal data and the agent has not confirmed sending it anyway. Carries what was
 * found (kinds only, never the data itself) so the agent can move to a private channel or confirm.
 */
public class PersonalDataInPublic extends RuntimeException {

	private final PersonalData.Findings findings;

	public PersonalDataInPublic(PersonalData.Findings findings) {
		super("this public reply " + (findings.contained().isEmpty() ? "asks for" : "contains") + " personal data ("
				+ String.join(", ", ReplyGuard.kinds(findings)) + "): move the conversation to a private channel (direct "
				+ "message or e-mail), or send it anyway with confirmPersonalData=true");
		this.findings = findings;
	}

	public PersonalData.Findings findings() {
		return findings;
	}
}

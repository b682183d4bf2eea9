package nl.luister.account;

/**
 * What a user may do. Stored by name in {@code users.role}; Spring Security sees it as the authority
 * {@code ROLE_<name>}, so {@code hasRole('ADMIN')} works.
 */
public enum Role {

	/** Manages users, sources and settings, and can do everything an agent can. */
	ADMIN,

	/**
	 * A team lead: works the inbox like an agent, writes the triage rules and is notified of escalations
	 * (repeat complaints, rules that escalate or notify).
	 */
	LEAD,

	/** Works the inbox: reads cases and answers customers. */
	AGENT;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}
}

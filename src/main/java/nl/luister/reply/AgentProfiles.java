package nl.luister.reply;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Agents' reply profiles ({@code agent_reply_profiles}): the trainee flag set by admins and the signature each agent
 * sets for themselves. A user without a row is no trainee and signs nothing. Thread-safe; joins the caller's
 * transaction.
 */
@Service
public class AgentProfiles {

	private final JdbcClient jdbc;

	AgentProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The profile of this user; {@link AgentProfile#none} when they have none. */
	public AgentProfile of(long userId) {
		return jdbc.sql("select user_id, trainee, signature, initials from agent_reply_profiles where user_id = ?")
			.param(userId)
			.query((rs, row) -> new AgentProfile(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElse(AgentProfile.none(userId));
	}

	/** The ids of the users marked trainee. */
	public List<Long> trainees() {
		return jdbc.sql("select user_id from agent_reply_profiles where trainee order by user_id").query(Long.class).list();
	}

	/** Marks or unmarks a user as trainee. */
	public void setTrainee(long userId, boolean trainee) {
		jdbc.sql("""
				insert into agent_reply_profiles (user_id, trainee) values (?, ?)
				on conflict (user_id) do update set trainee = excluded.trainee""")
			.params(userId, trainee)
			.update();
	}

	/** The text with this agent's signature for the channel (see {@link Signatures}); {@code userId} null signs nothing. */
	public String sign(Long userId, String text, nl.luister.channel.Channel channel) {
		if (userId == null) return text;
		AgentProfile p = of(userId);
		if (p.signature() == null && p.initials() == null) return text;
		return Signatures.sign(text, p, name(userId), channel);
	}

	/** What would be added to this agent's replies on the channel, for the preview; empty when nothing. */
	public String suffix(long userId, nl.luister.channel.Channel channel) {
		return Signatures.suffix(of(userId), name(userId), channel);
	}

	private String name(long userId) {
		return jdbc.sql("select coalesce(nullif(display_name, ''), username) from users where id = ?").param(userId)
			.query(String.class).optional().orElse("");
	}

	/** Sets the user's signature and initials ({@code null} or blank clears them). */
	public AgentProfile setSignature(long userId, String signature, String initials) {
		AgentProfile checked = new AgentProfile(userId, false, signature, initials);
		jdbc.sql("""
				insert into agent_reply_profiles (user_id, signature, initials) values (?, ?, ?)
				on conflict (user_id) do update set signature = excluded.signature, initials = excluded.initials""")
			.params(userId, checked.signature(), checked.initials())
			.update();
		return of(userId);
	}
}

package nl.luister.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The users of Luister, stored in the {@code users} table. Thread-safe; every method runs its own
 * statement (or joins the caller's transaction). Raw passwords go in and are hashed here; hashes never
 * come out through the public API.
 */
@Repository
public class Users {

	private static final String COLUMNS = "id, username, role, display_name, locale, enabled, created_at";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from users where username = ?")
			.param(username)
			.query(Users::user)
			.optional();
	}

	public Optional<User> findById(UserId id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id.value()).query(Users::user).optional();
	}

	/** All users, by username. */
	public List<User> list() {
		return this.jdbc.sql("select " + COLUMNS + " from users order by username").query(Users::user).list();
	}

	/**
	 * Creates an enabled user.
	 * @param displayName the name shown to colleagues, or {@code null}/blank to show the username
	 * @throws UsernameTaken when the username exists
	 */
	public User create(String username, String rawPassword, Role role, String displayName) {
		// "on conflict do nothing", not catching the duplicate key: that would abort a surrounding transaction.
		Long id = this.jdbc
			.sql("insert into users (username, password_hash, role, display_name) values (?, ?, ?, ?) "
					+ "on conflict (username) do nothing returning id")
			.params(username, this.passwordEncoder.encode(rawPassword), role.name(),
					StringUtils.hasText(displayName) ? displayName.strip() : null)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new UsernameTaken(username));
		return findById(new UserId(id)).orElseThrow();
	}

	/** Remembers the user's language; {@code null} forgets it. */
	public void setLocale(UserId id, Locale locale) {
		this.jdbc.sql("update users set locale = ? where id = ?")
			.params(locale == null ? null : locale.toLanguageTag(), id.value())
			.update();
	}

	/** Replaces the user's password. */
	public void setPassword(UserId id, String rawPassword) {
		this.jdbc.sql("update users set password_hash = ? where id = ?")
			.params(this.passwordEncoder.encode(rawPassword), id.value())
			.update();
	}

	/**
	 * Enables or disables sign-in. Disabling announces {@link UserLeaving} first, in this transaction, so the user's
	 * open cases are handed back before anything else sees the user disabled.
	 * @return whether the user exists
	 */
	@Transactional
	public boolean setEnabled(UserId id, boolean enabled) {
		Optional<User> user = findById(id);
		if (user.isEmpty()) return false;
		if (!enabled && user.get().enabled()) this.events.publishEvent(new UserLeaving(id, user.get().displayName(), false));
		this.jdbc.sql("update users set enabled = ? where id = ?").params(enabled, id.value()).update();
		return true;
	}

	/**
	 * Deletes the user. {@link UserLeaving} is announced first, in this transaction; references left in the history
	 * (authors of notes and replies, actors of events) become empty (the schema's {@code on delete set null}).
	 * @return whether the user existed
	 */
	@Transactional
	public boolean delete(UserId id) {
		Optional<User> user = findById(id);
		if (user.isEmpty()) return false;
		this.events.publishEvent(new UserLeaving(id, user.get().displayName(), true));
		return this.jdbc.sql("delete from users where id = ?").param(id.value()).update() == 1;
	}

	/** What signing in needs: the user and the password hash; for the UserDetailsService only. */
	Optional<Credentials> findCredentials(String username) {
		return this.jdbc.sql("select " + COLUMNS + ", password_hash from users where username = ?")
			.param(username)
			.query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash")))
			.optional();
	}

	record Credentials(User user, String passwordHash) {
	}

	private static User user(ResultSet rs, int row) throws SQLException {
		String username = rs.getString("username");
		String displayName = rs.getString("display_name");
		String locale = rs.getString("locale");
		return new User(new UserId(rs.getLong("id")), username, Role.valueOf(rs.getString("role")),
				StringUtils.hasText(displayName) ? displayName : username,
				locale == null ? null : Locale.forLanguageTag(locale), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}
}

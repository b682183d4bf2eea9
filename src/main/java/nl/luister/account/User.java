package nl.luister.account;

import java.time.Instant;
import java.util.Locale;

/**
 * A person who signs in to Luister. Never carries the password hash.
 *
 * @param id          the user's id
 * @param username    the unique sign-in name
 * @param role        what the user may do
 * @param displayName the name shown to colleagues; never {@code null}, falls back to the username
 * @param locale      the user's chosen language, or {@code null} when they never chose one
 * @param enabled     whether the user may sign in
 * @param createdAt   when the user was created
 */
public record User(UserId id, String username, Role role, String displayName, Locale locale, boolean enabled,
		Instant createdAt) {
}

package nl.luister.channel;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts the organisation owns per channel. Posts by them are our own replies in a thread, never customer
 * mentions, also when they were posted outside Luister.
 *
 * <p>An account is owned when it is listed in {@code owned_accounts} (for channels Luister only hears about:
 * imports, feeds, webhooks) or named in a connector's settings: a Mastodon source's {@code account} (as
 * {@code name} and {@code name@instance-host}), a Bluesky source's {@code handle}, a mailbox's
 * {@code fromAddress} or e-mail login. Handles compare case-insensitively. Thread-safe; every call reads the
 * database, so a change applies to the next pipeline batch.
 */
@Service
public class OwnedAccounts {

	private final JdbcClient jdbc;

	OwnedAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A listed owned account. */
	public record OwnedAccount(long id, Channel channel, String handle, String role) {
	}

	/** The listed accounts (not those named in connector settings), by channel and handle. */
	public List<OwnedAccount> listed() {
		return jdbc.sql("select id, channel, handle, role from owned_accounts order by channel, lower(handle)")
			.query((rs, row) -> new OwnedAccount(rs.getLong("id"), Channel.parse(rs.getString("channel")), rs.getString("handle"), rs.getString("role")))
			.list();
	}

	/**
	 * Lists an account as owned; adding it again changes its role.
	 *
	 * @param role {@code WEBCARE} or {@code MARKETING}; {@code WEBCARE} when {@code null}
	 * @throws IllegalArgumentException when the handle is blank or the role unknown
	 */
	@Transactional
	public long add(Channel channel, String handle, String role) {
		String h = normalHandle(handle);
		if (h == null) throw new IllegalArgumentException("an owned account needs a handle or address");
		String r = role == null || role.isBlank() ? "WEBCARE" : role.strip().toUpperCase(Locale.ROOT);
		if (!r.equals("WEBCARE") && !r.equals("MARKETING")) throw new IllegalArgumentException("the role of an account is webcare or marketing (got '" + role + "')");
		return jdbc.sql("""
				insert into owned_accounts (channel, handle, role) values (?, ?, ?)
				on conflict (channel, lower(handle)) do update set role = excluded.role returning id""")
			.params(channel.key(), h, r)
			.query(Long.class)
			.single();
	}

	@Transactional
	public void remove(long id) {
		jdbc.sql("delete from owned_accounts where id = ?").param(id).update();
	}

	/** A snapshot of every owned account, listed or named in settings, for recognising a batch's authors. */
	public Known known() {
		Set<String> keys = new HashSet<>();
		jdbc.sql("select channel, handle from owned_accounts").query((rs, row) -> keys.add(key(rs.getString(1), rs.getString(2)))).list();
		jdbc.sql("""
				select type, channel, settings->>'account' as account, settings->>'instance' as instance,
				       settings->>'handle' as handle, settings->>'fromAddress' as from_address, settings->>'username' as username
				from sources where type in ('mastodon', 'bluesky', 'mail')""")
			.query((rs, row) -> {
				switch (rs.getString("type")) {
					case "mastodon" -> mastodon(rs.getString("account"), rs.getString("instance"), keys);
					case "bluesky" -> keys.add(key(Channel.BLUESKY.key(), rs.getString("handle")));
					case "mail" -> {
						keys.add(key(Channel.EMAIL.key(), rs.getString("from_address")));
						String login = rs.getString("username");
						if (login != null && login.contains("@")) keys.add(key(Channel.EMAIL.key(), login));
					}
					default -> {
					}
				}
				return null;
			})
			.list();
		keys.remove(null);
		return new Known(Set.copyOf(keys));
	}

	private static void mastodon(String account, String instance, Set<String> keys) {
		String a = normalHandle(account);
		if (a == null) return;
		keys.add(key(Channel.MASTODON.key(), a));
		String host = host(instance);
		int at = a.indexOf('@');
		// "name" on its own instance is "name@instance.host" everywhere else, and the other way round
		if (at < 0 && host != null) keys.add(key(Channel.MASTODON.key(), a + "@" + host));
		if (at > 0 && host != null && a.substring(at + 1).equalsIgnoreCase(host)) keys.add(key(Channel.MASTODON.key(), a.substring(0, at)));
	}

	private static String host(String instance) {
		if (instance == null) return null;
		try {
			return URI.create(instance.strip()).getHost();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static String normalHandle(String handle) {
		if (handle == null) return null;
		String h = handle.strip();
		if (h.startsWith("@")) h = h.substring(1);
		return h.isEmpty() ? null : h;
	}

	static String key(String channel, String handle) {
		String h = normalHandle(handle);
		return h == null || channel == null ? null : channel + "\u0000" + h.toLowerCase(Locale.ROOT);
	}

	/** The owned accounts at one moment; immutable. */
	public record Known(Set<String> keys) {

		/** Whether {@code handle} on {@code channel} is an owned account; {@code false} for a {@code null} handle. */
		public boolean owns(Channel channel, String handle) {
			String k = key(channel.key(), handle);
			return k != null && keys.contains(k);
		}
	}
}

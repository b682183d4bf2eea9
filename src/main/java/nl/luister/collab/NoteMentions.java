package nl.luister.collab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.cases.NoteAdded;
import nl.luister.triage.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code @username} in internal notes: every enabled colleague named in a new note (not the author) gets an in-app
 * notification with a link to the case, in the note's transaction; names that are no user are plain text and
 * ignored. For the case view the note is cut into {@link Segment}s, so a mention can be highlighted while all text
 * stays text. Usernames are matched without regard to case. Thread-safe.
 */
@Component
public class NoteMentions {

	/** The notification kind (message {@code triage.notification.mention}); its detail is the author's name. */
	public static final String KIND = "mention";

	// Not after a word character, so an e-mail address (anna@example.org) mentions nobody.
	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([A-Za-z0-9_][A-Za-z0-9._@-]{0,63})");

	/** A piece of a note: plain text, or a mention of {@code user} (then {@code text} is "@username" as written). */
	public record Segment(String text, User user) {

		public boolean mention() {
			return user != null;
		}
	}

	private final Users users;
	private final Notifications notifications;

	NoteMentions(Users users, Notifications notifications) {
		this.users = users;
		this.notifications = notifications;
	}

	/** The usernames written as {@code @name} in {@code text}, lower-cased, in order, without duplicates; any text, none known. */
	static Set<String> names(String text) {
		Set<String> names = new LinkedHashSet<>();
		if (text == null) return names;
		Matcher m = MENTION.matcher(text);
		while (m.find()) names.add(trim(m.group(1)).toLowerCase(Locale.ROOT));
		return names;
	}

	/** The enabled users a note mentions, in order of first mention; unknown names are left out. */
	public List<User> mentioned(String text) {
		Set<String> names = names(text);
		if (names.isEmpty()) return List.of();
		Map<String, User> known = known();
		return names.stream().map(known::get).filter(u -> u != null).toList();
	}

	/** The note cut into text and mentions of known, enabled users; an empty list for {@code null}. */
	public List<Segment> segments(String text) {
		if (text == null || text.isEmpty()) return List.of();
		Matcher m = MENTION.matcher(text);
		if (!m.find()) return List.of(new Segment(text, null));
		Map<String, User> known = known();
		List<Segment> segments = new ArrayList<>();
		int plainFrom = 0;
		do {
			String name = trim(m.group(1));
			User user = known.get(name.toLowerCase(Locale.ROOT));
			if (user == null) continue;
			int end = m.start(1) + name.length();
			if (m.start() > plainFrom) segments.add(new Segment(text.substring(plainFrom, m.start()), null));
			segments.add(new Segment(text.substring(m.start(), end), user));
			plainFrom = end;
		}
		while (m.find());
		if (plainFrom < text.length()) segments.add(new Segment(text.substring(plainFrom), null));
		return segments;
	}

	/** Colleagues who can be mentioned (enabled users), by username: for the note box's suggestions. */
	public List<User> colleagues() {
		return users.list().stream().filter(User::enabled).toList();
	}

	@EventListener
	void on(NoteAdded note) {
		List<Long> ids = mentioned(note.text()).stream()
			.map(u -> u.id().value())
			.filter(id -> note.authorId() == null || id != note.authorId().longValue())
			.toList();
		if (ids.isEmpty()) return;
		String author = note.authorId() == null ? "Luister"
				: users.findById(new nl.luister.account.UserId(note.authorId())).map(User::displayName).orElse("?");
		notifications.notifyUsers(ids, note.caseId(), KIND, author);
	}

	private Map<String, User> known() {
		return colleagues().stream().collect(Collectors.toMap(u -> u.username().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
	}

	// A sentence goes on after a name: "@anna." and "@anna-" mention anna.
	private static String trim(String name) {
		int end = name.length();
		while (end > 1 && ".-@".indexOf(name.charAt(end - 1)) >= 0) end--;
		return name.substring(0, end);
	}
}

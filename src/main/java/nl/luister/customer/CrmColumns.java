package nl.luister.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV column holds which CRM field: each value is a header name (matched case-insensitively, surrounding
 * blanks ignored), {@code null} or blank when the file has no such column. {@code handles} maps a channel key
 * ({@code mastodon}, {@code bluesky}, …) to the column with the customer's handle there. The customer number
 * column is required: it is what makes a re-import update the same persons instead of adding new ones.
 */
public record CrmColumns(String customerNumber, String email, String name, String segment, String value, String phone,
		String tags, String contactChannel, String contactTimes, Map<String, String> handles) {

	public CrmColumns {
		handles = handles == null ? Map.of() : Map.copyOf(handles);
		if (customerNumber == null || customerNumber.isBlank()) throw new IllegalArgumentException("the customer number column is required");
	}

	/** The usual header names: customer_number, email, name, segment, value, phone, tags, contact_channel, contact_times and one per channel. */
	public static CrmColumns defaults(List<String> channels) {
		Map<String, String> handles = new LinkedHashMap<>();
		for (String c : channels) if (!"email".equals(c)) handles.put(c, c);
		return new CrmColumns("customer_number", "email", "name", "segment", "value", "phone", "tags", "contact_channel", "contact_times", handles);
	}

	static String key(String header) {
		return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
	}
}

package nl.luister.channel.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.validation.BindingResult;

/**
 * The mailbox fields of the add-source form. Ports are text so a typo is a message, not a binding error; blank
 * fields are left out so the settings record applies its defaults. The password is never sent back to the page.
 */
record MailForm(String imapHost, String imapPort, String imapSecurity, String username, String password, String smtpHost,
		String smtpPort, String smtpSecurity, String fromAddress) {

	/** The settings JSON, or {@code null} after rejecting a field. */
	String settings(BindingResult result, JsonMapper json) {
		if (result.getFieldValue("name") == null || String.valueOf(result.getFieldValue("name")).isBlank()) {
			result.rejectValue("name", "sources.name.required");
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		put(settings, "imapHost", imapHost);
		if (!port(settings, "imapPort", imapPort, result)) return null;
		put(settings, "imapSecurity", imapSecurity);
		put(settings, "username", username);
		if (password != null && !password.isEmpty()) settings.put("password", password);
		put(settings, "smtpHost", smtpHost);
		if (!port(settings, "smtpPort", smtpPort, result)) return null;
		put(settings, "smtpSecurity", smtpSecurity);
		put(settings, "fromAddress", fromAddress);
		return result.hasErrors() ? null : json.writeValueAsString(settings);
	}

	private static void put(Map<String, Object> settings, String name, String value) {
		if (value != null && !value.isBlank()) settings.put(name, value.strip());
	}

	private static boolean port(Map<String, Object> settings, String name, String value, BindingResult result) {
		if (value == null || value.isBlank()) return true;
		try {
			settings.put(name, Integer.parseInt(value.strip()));
			return true;
		}
		catch (NumberFormatException e) {
			result.reject("mail.form.port.invalid", new Object[] { value.strip() }, "not a port number");
			return false;
		}
	}
}

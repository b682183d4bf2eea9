package nl.luister.channel.webhook.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.channel.webhook.WebhookReceiver;
import nl.luister.channel.webhook.WebhookRejected;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{sourceKey}}: a public endpoint (no session, no CSRF token) authenticated by the Standard
 * Webhooks signature alone. The body is read as raw bytes, at most {@value #MAX_BYTES} bytes (413 beyond), and
 * handed to {@link WebhookReceiver}. Answers JSON: 202 accepted, 200 for a replay (so the sender stops retrying),
 * or the rejection's status with {@code {"error": reason}}.
 */
@RestController
class WebhookController {

	static final int MAX_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final WebhookReceiver receiver;

	WebhookController(WebhookReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping(path = "/hooks/{sourceKey}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> receive(@PathVariable String sourceKey, HttpServletRequest request) throws IOException {
		try {
			if (request.getContentLengthLong() > MAX_BYTES) throw tooLarge();
			byte[] body = readLimited(request.getInputStream());
			WebhookReceiver.Outcome outcome = this.receiver.receive(sourceKey, request.getHeader("webhook-id"),
					request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), body);
			return switch (outcome) {
				case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "accepted"));
				case REPLAY -> ResponseEntity.ok(Map.of("status", "duplicate", "detail", "this webhook-id was received before"));
			};
		}
		catch (WebhookRejected e) {
			log.info("Webhook delivery to '{}' refused ({}): {}", sourceKey, e.status(), e.getMessage());
			return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
		}
	}

	private static byte[] readLimited(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		byte[] buffer = new byte[16 * 1024];
		int n;
		while ((n = in.read(buffer)) != -1) {
			if (out.size() + n > MAX_BYTES) throw tooLarge();
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static WebhookRejected tooLarge() {
		return new WebhookRejected(413, "the body is larger than 1 MB");
	}
}

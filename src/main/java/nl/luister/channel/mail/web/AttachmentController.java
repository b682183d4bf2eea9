package nl.luister.channel.mail.web;

import java.nio.charset.StandardCharsets;

import nl.luister.channel.mail.MailAttachments;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /attachments/{sha256}?name=…}: a stored mail attachment for signed-in users, always as a download
 * ({@code Content-Disposition: attachment}) of {@code application/octet-stream} with {@code nosniff} and a sandbox
 * CSP, so a browser never shows, runs or interprets it, whatever the sender claimed it is. The offered file name is
 * generated ({@link MailAttachments#safeFileName}). Anything but a stored content hash is 404.
 */
@Controller
class AttachmentController {

	private final MailAttachments attachments;

	AttachmentController(MailAttachments attachments) {
		this.attachments = attachments;
	}

	@GetMapping("/attachments/{hash}")
	ResponseEntity<Resource> download(@PathVariable String hash, @RequestParam(name = "name", required = false) String name) {
		return attachments.open(hash)
			.map(d -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.contentLength(d.size())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(MailAttachments.safeFileName(name, hash), StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "sandbox; default-src 'none'")
				.cacheControl(CacheControl.noStore())
				.body((Resource) new FileSystemResource(d.path())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}

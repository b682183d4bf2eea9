package nl.luister.channel.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps mail attachments on disk under one folder, by the SHA-256 of their content: {@code ab/abcdef….bin}.
 * The sender's file name is never part of a path, so {@code ../../x} or {@code .htaccess} can't escape the
 * folder or configure a web server; the same attachment fetched twice is one file. Archives are stored as
 * bytes and never unpacked; nothing is executed. Attachments over the size limit are not stored. Thread-safe.
 */
final class AttachmentStore {

	private final Path root;
	private final long maxBytes;

	/**
	 * @param root     the folder ({@code luister.home/attachments}); created when needed
	 * @param maxBytes the largest attachment kept, in bytes
	 */
	AttachmentStore(Path root, long maxBytes) {
		this.root = root.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
	}

	Path root() {
		return root;
	}

	long maxBytes() {
		return maxBytes;
	}

	/**
	 * Copies {@code content} into the store unless it is larger than the limit.
	 *
	 * @return where it was stored (relative to the root) and its size; {@code path} is {@code null} when too large
	 */
	Stored store(InputStream content) throws IOException {
		Files.createDirectories(root);
		Path temp = Files.createTempFile(root, "incoming-", ".part");
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = content.read(buffer)) >= 0) {
					size += n;
					if (size > maxBytes) return new Stored(null, size, true);
					out.write(buffer, 0, n);
				}
			}
			String hex = HexFormat.of().formatHex(sha.digest());
			Path folder = root.resolve(hex.substring(0, 2));
			Files.createDirectories(folder);
			Path target = folder.resolve(hex + ".bin");
			// the same name means the same bytes, so replacing an attachment stored before changes nothing
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new Stored(root.relativize(target).toString().replace('\\', '/'), size, false);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * An attachment after {@link #store}.
	 *
	 * @param path     relative to the store's root, or {@code null} when not stored
	 * @param size     bytes read; when {@code tooLarge}, at least this many
	 * @param tooLarge whether it was over the limit
	 */
	record Stored(String path, long size, boolean tooLarge) {
	}
}

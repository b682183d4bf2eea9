package nl.luister;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret of this installation: the configured one when set, else one kept in a file under
 * {@code luister.home}, generated on first use (32 random bytes, base64, readable by the owner only). Two instances
 * starting at once read the same file. Used for the signed Message-IDs of our mail and for forwarded-case links.
 */
public final class LocalSecret {

	private LocalSecret() {
	}

	/**
	 * The secret bytes: {@code configured} (UTF-8) when not blank, else the content of {@code file}, created when missing.
	 *
	 * @param what names the secret in errors ("mail signing secret")
	 * @throws UncheckedIOException when the file cannot be read or written
	 * @throws IllegalStateException when the file does not hold base64
	 */
	public static byte[] configuredOrFile(String configured, Path file, String what) {
		if (configured != null && !configured.isBlank()) return configured.strip().getBytes(StandardCharsets.UTF_8);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				try {
					Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
							StandardOpenOption.WRITE);
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException notPosix) {
						// Windows: the file inherits the folder's access rules
					}
				}
				catch (FileAlreadyExistsException another) {
					// written by another instance at the same moment: read theirs
				}
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read or create the " + what + " at " + file, e);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("the " + what + " at " + file + " is not valid base64; delete it to make a new one (what was signed with the old one is no longer recognised)", e);
		}
	}
}

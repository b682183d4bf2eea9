package nl.luister.enrich;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates the shared public data beside the project ({@code ../shared/data}); tests that need it skip without it. */
final class TestData {

	private TestData() {
	}

	static Path folder(String name) {
		Path dir = Path.of("").toAbsolutePath().resolve("../shared/data").normalize().resolve(name);
		assumeTrue(Files.isDirectory(dir), "Shared data folder " + dir
				+ " is absent: clone the project beside a copy of shared/ to run this measurement");
		return dir;
	}
}

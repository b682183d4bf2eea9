package nl.luister.channel.importer.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.account.UserId;
import nl.luister.channel.importer.MentionImport;

import org.springframework.stereotype.Component;

/**
 * The imports started from the import page. {@link #start} takes ownership of a saved upload and imports it on
 * its own named virtual thread ({@code import-<id>}), deleting the file afterwards; {@link #find} shows how far
 * it got. Thread-safe. Jobs live in memory only: after a restart the page no longer knows them, but whatever
 * was committed stays imported (and importing the file again adds only what is missing). The newest
 * {@value #KEEP} jobs are kept.
 */
@Component
public class ImportJobs {

	static final int KEEP = 100;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final MentionImport importer;

	private final Clock clock;

	private final AtomicLong ids = new AtomicLong();

	private final ConcurrentSkipListMap<Long, ImportJob> jobs = new ConcurrentSkipListMap<>();

	ImportJobs(MentionImport importer) {
		this.importer = importer;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Imports {@code file} in the background and deletes it when done.
	 *
	 * @param file a JSONL file this method now owns
	 * @param fileName the name the user gave the file, shown on the page
	 */
	public ImportJob start(Path file, String fileName, UserId owner) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImportJob job = new ImportJob(this.ids.incrementAndGet(), owner, fileName, size, this.clock.instant());
		this.jobs.put(job.id(), job);
		forgetOld();
		Thread.ofVirtual().name("import-" + job.id()).start(() -> run(job, file));
		return job;
	}

	/** The job with this id, if it is still remembered. */
	public Optional<ImportJob> find(long id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	private void run(ImportJob job, Path file) {
		try (InputStream in = new CountingInputStream(Files.newInputStream(file), job::addBytes)) {
			job.finish(this.importer.importJsonl(in, job::linesRead));
			log.info("Import {} of {} done: {}", job.id(), job.fileName(), job.report());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} of {} failed", job.id(), job.fileName(), ex);
			job.fail(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the upload {} of import {}", file, job.id(), ex);
			}
		}
	}

	private void forgetOld() {
		Iterator<Map.Entry<Long, ImportJob>> oldest = this.jobs.entrySet().iterator();
		while (this.jobs.size() > KEEP && oldest.hasNext()) {
			if (oldest.next().getValue().isDone()) oldest.remove();
		}
	}
}

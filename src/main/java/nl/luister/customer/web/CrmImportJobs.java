package nl.luister.customer.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.account.UserId;
import nl.luister.customer.CrmColumns;
import nl.luister.customer.CrmImport;

import org.springframework.stereotype.Component;

/**
 * CRM imports and dry-runs started from {@code /persons/import}, each on its own named virtual thread
 * ({@code crm-import-<id>}). A job owns its uploaded file: an import deletes it when done, a dry-run keeps it
 * for {@link #importAfterDryRun} until the job is forgotten (the newest {@value #KEEP} jobs are kept, in
 * memory only). Thread-safe.
 */
@Component
public class CrmImportJobs {

	static final int KEEP = 20;

	private static final Logger log = LoggerFactory.getLogger(CrmImportJobs.class);

	private final CrmImport importer;
	private final AtomicLong ids = new AtomicLong();
	private final ConcurrentSkipListMap<Long, CrmImportJob> jobs = new ConcurrentSkipListMap<>();

	CrmImportJobs(CrmImport importer) {
		this.importer = importer;
	}

	/** Starts an import or dry-run of {@code file}, which this method now owns. */
	public CrmImportJob start(Path file, String fileName, Charset charset, CrmColumns columns, boolean dryRun, UserId owner) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		CrmImportJob job = new CrmImportJob(ids.incrementAndGet(), owner, fileName, size, dryRun, file, charset, columns);
		jobs.put(job.id(), job);
		forgetOld();
		Thread.ofVirtual().name("crm-import-" + job.id()).start(() -> run(job));
		return job;
	}

	/** Imports for real the file of a finished dry-run; empty when that job cannot be followed up (any more). */
	public Optional<CrmImportJob> importAfterDryRun(CrmImportJob dryRun, UserId owner) {
		if (!dryRun.takeForImport()) return Optional.empty();
		return Optional.of(start(dryRun.file, dryRun.fileName(), dryRun.charset, dryRun.columns, false, owner));
	}

	public Optional<CrmImportJob> find(long id) {
		return Optional.ofNullable(jobs.get(id));
	}

	private void run(CrmImportJob job) {
		try (InputStream in = new Counting(Files.newInputStream(job.file), job::addBytes)) {
			job.finish(importer.importCsv(in, job.charset, job.columns, job.dryRun(), job.owner().value(), job::rowsRead));
			log.info("CRM {} {} of {} done: {}", job.dryRun() ? "dry-run" : "import", job.id(), job.fileName(), job.report());
		}
		catch (CrmImport.UnreadableFile e) {
			job.fail(e.getMessage());
		}
		catch (IOException | RuntimeException e) {
			log.warn("CRM import {} of {} failed", job.id(), job.fileName(), e);
			job.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
		finally {
			if (!job.dryRun() || job.failure() != null) delete(job);
		}
	}

	private void forgetOld() {
		Iterator<Map.Entry<Long, CrmImportJob>> oldest = jobs.entrySet().iterator();
		while (jobs.size() > KEEP && oldest.hasNext()) {
			CrmImportJob job = oldest.next().getValue();
			if (job.isDone()) {
				oldest.remove();
				// a dry-run taken for import hands its file to the import job, which deletes it
				if (job.takeForImport()) delete(job);
			}
		}
	}

	private static void delete(CrmImportJob job) {
		try {
			Files.deleteIfExists(job.file);
		}
		catch (IOException e) {
			log.warn("Could not delete the upload {} of CRM import {}", job.file, job.id(), e);
		}
	}

	/** Tells a listener how many bytes were read, so the progress bar follows the import. */
	private static final class Counting extends FilterInputStream {
		private final LongConsumer counted;

		Counting(InputStream in, LongConsumer counted) {
			super(in);
			this.counted = counted;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) counted.accept(1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) counted.accept(n);
			return n;
		}
	}
}

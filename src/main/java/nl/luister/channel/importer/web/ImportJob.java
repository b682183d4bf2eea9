package nl.luister.channel.importer.web;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import nl.luister.account.UserId;
import nl.luister.channel.importer.ImportReport;

/**
 * One upload being imported. Written by its import thread, read by any request thread: the counters are
 * atomic and the outcome is published once through a volatile field, so a reader sees either "running" or
 * the complete report (or failure), never half of it.
 */
public final class ImportJob {

	private final long id;

	private final UserId owner;

	private final String fileName;

	private final long totalBytes;

	private final Instant startedAt;

	private final AtomicLong bytesRead = new AtomicLong();

	private final AtomicLong linesRead = new AtomicLong();

	private volatile Outcome outcome;

	ImportJob(long id, UserId owner, String fileName, long totalBytes, Instant startedAt) {
		this.id = id;
		this.owner = owner;
		this.fileName = fileName;
		this.totalBytes = totalBytes;
		this.startedAt = startedAt;
	}

	public long id() {
		return this.id;
	}

	public UserId owner() {
		return this.owner;
	}

	public String fileName() {
		return this.fileName;
	}

	public long totalBytes() {
		return this.totalBytes;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public long bytesRead() {
		return Math.min(this.bytesRead.get(), this.totalBytes);
	}

	public long linesRead() {
		return this.linesRead.get();
	}

	/** Whole percent of the file read, 0 to 100. */
	public int percent() {
		if (this.totalBytes <= 0) return isDone() ? 100 : 0;
		return (int) (bytesRead() * 100 / this.totalBytes);
	}

	public boolean isDone() {
		return this.outcome != null;
	}

	/** The report once the import finished, else {@code null}. */
	public ImportReport report() {
		Outcome o = this.outcome;
		return o == null ? null : o.report();
	}

	/** Why the import stopped when it failed as a whole (unreadable file, database gone), else {@code null}. */
	public String failure() {
		Outcome o = this.outcome;
		return o == null ? null : o.failure();
	}

	void addBytes(long n) {
		this.bytesRead.addAndGet(n);
	}

	void linesRead(long lines) {
		this.linesRead.set(lines);
	}

	void finish(ImportReport report) {
		this.bytesRead.set(this.totalBytes);
		this.outcome = new Outcome(report, null);
	}

	void fail(String reason) {
		this.outcome = new Outcome(null, reason);
	}

	private record Outcome(ImportReport report, String failure) {
	}
}

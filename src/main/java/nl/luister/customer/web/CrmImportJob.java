package nl.luister.customer.web;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import nl.luister.account.UserId;
import nl.luister.customer.CrmColumns;
import nl.luister.customer.CrmImportReport;

/**
 * One CRM import or dry-run of an uploaded CSV file. Written by its import thread, read by request threads:
 * counters are atomic and the outcome is published once through a volatile field, so a reader sees either
 * "running" or the whole report (or failure). A finished dry-run keeps its file so the same file can then be
 * imported for real without uploading it again.
 */
public final class CrmImportJob {

	private final long id;
	private final UserId owner;
	private final String fileName;
	private final long totalBytes;
	private final boolean dryRun;
	final Path file;
	final Charset charset;
	final CrmColumns columns;
	private final AtomicLong bytesRead = new AtomicLong();
	private final AtomicLong rowsRead = new AtomicLong();
	private volatile CrmImportReport report;
	private volatile String failure;
	private volatile boolean followedUp;

	CrmImportJob(long id, UserId owner, String fileName, long totalBytes, boolean dryRun, Path file, Charset charset, CrmColumns columns) {
		this.id = id;
		this.owner = owner;
		this.fileName = fileName;
		this.totalBytes = totalBytes;
		this.dryRun = dryRun;
		this.file = file;
		this.charset = charset;
		this.columns = columns;
	}

	public long id() {
		return id;
	}

	public UserId owner() {
		return owner;
	}

	public String fileName() {
		return fileName;
	}

	public boolean dryRun() {
		return dryRun;
	}

	public long rowsRead() {
		return rowsRead.get();
	}

	/** Whole percent of the file read, 0 to 100. */
	public int percent() {
		if (totalBytes <= 0) return isDone() ? 100 : 0;
		return (int) (Math.min(bytesRead.get(), totalBytes) * 100 / totalBytes);
	}

	public boolean isDone() {
		return report != null || failure != null;
	}

	/** The report once done, else {@code null}. */
	public CrmImportReport report() {
		return report;
	}

	/** Why the job stopped as a whole (no customer number column, unreadable file), else {@code null}. */
	public String failure() {
		return failure;
	}

	/** True for a finished dry-run whose file can still be imported for real. */
	public boolean canImport() {
		return dryRun && report != null && !followedUp;
	}

	boolean takeForImport() {
		if (!canImport()) return false;
		followedUp = true;
		return true;
	}

	void addBytes(long n) {
		bytesRead.addAndGet(n);
	}

	void rowsRead(long rows) {
		rowsRead.set(rows);
	}

	void finish(CrmImportReport r) {
		bytesRead.set(totalBytes);
		report = r;
	}

	void fail(String reason) {
		failure = reason;
	}
}

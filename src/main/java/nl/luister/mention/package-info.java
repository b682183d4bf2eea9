/** Stored mentions: deduplication on (source, external id) and full-text search in Dutch and English. */
package nl.luister.mention;

/** Bulk import of mentions from JSONL files, through the UI (with progress) and the API. */
package nl.luister.channel.importer;

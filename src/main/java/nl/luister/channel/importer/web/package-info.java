/** The import page: JSONL upload, imported in the background with a progress bar, then the report. */
package nl.luister.channel.importer.web;

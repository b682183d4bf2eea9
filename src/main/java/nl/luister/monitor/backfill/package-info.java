/** Runs a topic over stored mentions of the last days (retro-search), resumably, beside live ingest. */
package nl.luister.monitor.backfill;

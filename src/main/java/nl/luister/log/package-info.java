/** The mention log between ingest and processing, and the pipeline worker that drains it. */
package nl.luister.log;

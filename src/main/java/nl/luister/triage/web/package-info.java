/** The notifications page and {@code /api/cases/{id}/triage}. */
package nl.luister.triage.web;

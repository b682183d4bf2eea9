/** The SLA admin page ({@code /admin/sla}), the clock fragment of the inbox and case view, and {@code /api/sla}. */
package nl.luister.sla.web;

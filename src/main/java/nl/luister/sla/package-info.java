/** Service levels: business calendars, SLA policies per channel and severity, the clocks on each case and their breaches. */
package nl.luister.sla;

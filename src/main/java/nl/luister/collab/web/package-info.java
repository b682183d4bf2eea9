/** The collaboration parts of the case view, the presence heartbeat, forwarding (page and API) and the public read-only view behind a forward link. */
package nl.luister.collab.web;

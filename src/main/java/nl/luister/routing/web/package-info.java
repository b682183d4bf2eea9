/** The teams page, the presence control, routing and bulk actions on cases, and their JSON API. */
package nl.luister.routing.web;

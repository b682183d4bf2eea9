/** The noise controls of the case view: similar mentions of a case's duplicate groups and why its topics matched. */
package nl.luister.noise.web;

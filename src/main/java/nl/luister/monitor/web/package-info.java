/** The topics page with its live query editor, and the JSON API for topics. */
package nl.luister.monitor.web;

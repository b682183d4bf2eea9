/** Threads mentions into cases, keeps their status, assignee, notes and history, and serves the inbox. */
package nl.luister.cases;

/** Starts the embedded PostgreSQL when no database URL is configured. */
package nl.luister.database;

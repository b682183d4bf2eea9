/** The database: the embedded PostgreSQL when no database URL is configured, and transaction helpers. */
package nl.luister.database;

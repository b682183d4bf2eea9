/** Understands each message: language, sentiment and intent. */
package nl.luister.enrich;

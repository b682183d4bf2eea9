/** Learns from what was heard: where people talk about a topic, and share of voice between topics. */
package nl.luister.analytics;

/** Dashboards: volume and sentiment over time, share of voice, where people talk, webcare performance; read from rollups. */
package nl.luister.analytics.dashboard;

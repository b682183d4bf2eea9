/** Time-bucketed rollups of mentions (per hour and per day, per topic, channel and language; sites and authors per day). */
package nl.luister.analytics.rollup;

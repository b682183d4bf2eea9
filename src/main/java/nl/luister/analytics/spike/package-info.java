/**
 * Spike and crisis detection: {@link nl.luister.analytics.spike.SpikeDetector} (the statistics),
 * {@link nl.luister.analytics.spike.SpikeWatch} (watches every topic on a schedule and raises alerts) and
 * {@link nl.luister.analytics.spike.SpikeEvaluation} (replays real traffic with injected storms).
 */
package nl.luister.analytics.spike;

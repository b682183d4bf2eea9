package nl.luister.triage;

import java.util.List;
import java.util.Map;

/**
 * A step that runs after scoring, in the transaction that threads a batch of mentions into cases (the rules
 * are one). It may change each case's {@link Triaged} outcome and act on the case. Called on the pipeline
 * thread only; it must not call back into {@link Triage} (a step's actions never trigger another evaluation).
 * A step that throws fails the batch, which the pipeline then retries entry by entry.
 */
public interface TriageStep {

	void apply(List<CaseFacts> facts, Map<Long, Triaged> outcomes);
}

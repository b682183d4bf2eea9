package nl.luister.rules;

import java.time.Instant;

/**
 * One line of a case's rule log: rule {@code ruleName} did {@code action} ({@link RuleEngine.Action#key()}, or
 * {@code skipped} when it could not) with {@code detail}. {@code ruleId} is {@code null} once the rule is deleted;
 * {@code at} is {@code null} until stored.
 */
public record RuleRun(long caseId, Long ruleId, String ruleName, String action, String detail, Instant at) {
}

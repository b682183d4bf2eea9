package nl.luister.triage;

/**
 * One reason behind a severity, shown in plain words through the message {@code triage.reason.<code>} with
 * {@code arg} as its argument. {@code points} is what it added (0 for reasons that set the severity outright).
 */
public record Reason(String code, int points, String arg) {
}

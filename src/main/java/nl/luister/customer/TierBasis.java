package nl.luister.customer;

/**
 * The figures an influence tier was computed from, so it can be explained in plain words: followers over all
 * identities and the share of the workspace with more ({@code followersTopPercent}, 100 when nobody has any),
 * mentions in the last 90 days, replies their messages received from others, the share ranked above them in
 * the reply graph, the score and the share scoring higher.
 */
public record TierBasis(long followers, double followersTopPercent, long mentions90d, long repliesReceived,
		double centralityTopPercent, double score, double scoreTopPercent) {
}

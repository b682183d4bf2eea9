package nl.luister.enrich;

/**
 * An immutable set of word hashes ({@link Hashing#hash}) in an open-addressing table of primitives: one or two probes
 * per lookup and no boxing, for the word lists the rules and the language cascade test every token against.
 * Thread-safe after construction.
 */
final class WordSet {

	private final long[] keys;
	private final int mask;
	private final boolean hasZero;

	private WordSet(long[] hashes) {
		int capacity = Integer.highestOneBit(Math.max(8, hashes.length * 4));
		this.keys = new long[capacity];
		this.mask = capacity - 1;
		boolean zero = false;
		for (long h : hashes) {
			if (h == 0) {
				zero = true;
				continue;
			}
			int s = (int) Hashing.mix(h) & mask;
			while (keys[s] != 0 && keys[s] != h) {
				s = (s + 1) & mask;
			}
			keys[s] = h;
		}
		this.hasZero = zero;
	}

	static WordSet of(String... words) {
		long[] hashes = new long[words.length];
		for (int i = 0; i < words.length; i++) {
			hashes[i] = Hashing.hash(words[i]);
		}
		return new WordSet(hashes);
	}

	static WordSet ofHashes(long... hashes) {
		return new WordSet(hashes.clone());
	}

	boolean contains(long h) {
		if (h == 0) {
			return hasZero;
		}
		int s = (int) Hashing.mix(h) & mask;
		while (true) {
			long k = keys[s];
			if (k == h) {
				return true;
			}
			if (k == 0) {
				return false;
			}
			s = (s + 1) & mask;
		}
	}
}

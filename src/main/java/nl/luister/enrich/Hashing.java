package nl.luister.enrich;

/** 64-bit string hashing shared by the tokenizer, the lexicons and the models; stable across runs (models depend on it). */
final class Hashing {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;
	private static final long FNV_PRIME = 0x100000001b3L;

	private Hashing() {
	}

	static long hash(CharSequence s) {
		long h = FNV_OFFSET;
		for (int i = 0; i < s.length(); i++) {
			h = (h ^ s.charAt(i)) * FNV_PRIME;
		}
		return h;
	}

	static long hash(char[] buf, int from, int to) {
		long h = FNV_OFFSET;
		for (int i = from; i < to; i++) {
			h = (h ^ buf[i]) * FNV_PRIME;
		}
		return h;
	}

	static long hash(CharSequence s, int from, int to) {
		long h = FNV_OFFSET;
		for (int i = from; i < to; i++) {
			h = (h ^ s.charAt(i)) * FNV_PRIME;
		}
		return h;
	}

	/** Finaliser of MurmurHash3: spreads the bits so that the low bits make a good bucket index. */
	static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	static long combine(long a, long b) {
		return mix(a * 0x9e3779b97f4a7c15L + b);
	}
}

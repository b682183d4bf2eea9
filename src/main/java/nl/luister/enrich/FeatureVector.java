package nl.luister.enrich;

import java.util.Arrays;

/** A growable sparse vector of hashed feature indices and values; reused per thread, cleared per text. */
final class FeatureVector {

	int[] index = new int[512];
	float[] value = new float[512];
	int size;

	void clear() {
		size = 0;
	}

	void add(int i, float v) {
		if (size == index.length) {
			index = Arrays.copyOf(index, size * 2);
			value = Arrays.copyOf(value, size * 2);
		}
		index[size] = i;
		value[size] = v;
		size++;
	}

	int[] indexCopy() {
		return Arrays.copyOf(index, size);
	}

	float[] valueCopy() {
		return Arrays.copyOf(value, size);
	}
}

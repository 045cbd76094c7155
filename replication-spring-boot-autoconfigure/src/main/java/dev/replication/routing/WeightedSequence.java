package dev.replication.routing;

/**
 * Builds the cycle of replica indexes that the load balancers walk: each replica appears as
 * often as its weight (divided by the weights' greatest common divisor), spread out by the
 * smooth weighted round-robin method so that a heavy replica does not take its turns in a burst.
 */
final class WeightedSequence {

	private WeightedSequence() {
	}

	static int[] of(int... weights) {
		if (weights.length == 0) {
			throw new IllegalArgumentException("At least one replica weight is required");
		}
		int divisor = 0;
		for (int weight : weights) {
			if (weight <= 0) {
				throw new IllegalArgumentException("Replica weights must be positive");
			}
			divisor = gcd(divisor, weight);
		}
		int total = 0;
		int[] reduced = new int[weights.length];
		for (int i = 0; i < weights.length; i++) {
			reduced[i] = weights[i] / divisor;
			total += reduced[i];
		}
		int[] sequence = new int[total];
		int[] current = new int[weights.length];
		for (int slot = 0; slot < total; slot++) {
			int chosen = 0;
			for (int i = 0; i < reduced.length; i++) {
				current[i] += reduced[i];
				if (current[i] > current[chosen]) {
					chosen = i;
				}
			}
			current[chosen] -= total;
			sequence[slot] = chosen;
		}
		return sequence;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}

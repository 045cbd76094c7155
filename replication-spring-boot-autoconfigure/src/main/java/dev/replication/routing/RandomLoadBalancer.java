package dev.replication.routing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link ReplicaLoadBalancer} that picks a random slot of a precomputed weighted sequence.
 */
final class RandomLoadBalancer implements ReplicaLoadBalancer {

	private final int[] sequence;

	RandomLoadBalancer(int[] sequence) {
		this.sequence = sequence;
	}

	@Override
	public int next() {
		return this.sequence[ThreadLocalRandom.current().nextInt(this.sequence.length)];
	}

}

package dev.replication.routing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ReplicaLoadBalancer} that walks a precomputed weighted sequence: one atomic increment
 * per read.
 */
final class RoundRobinLoadBalancer implements ReplicaLoadBalancer {

	private final int[] sequence;

	private final AtomicInteger position = new AtomicInteger();

	RoundRobinLoadBalancer(int[] sequence) {
		this.sequence = sequence;
	}

	@Override
	public int next() {
		return this.sequence[Math.floorMod(this.position.getAndIncrement(), this.sequence.length)];
	}

}

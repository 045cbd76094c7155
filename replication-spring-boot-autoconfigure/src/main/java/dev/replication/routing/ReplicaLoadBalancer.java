package dev.replication.routing;

/**
 * Chooses which replica serves the next read. Implementations honour the replicas' weights and
 * must be cheap and thread-safe: they run for every read connection.
 */
@FunctionalInterface
public interface ReplicaLoadBalancer {

	/**
	 * Return the index of the replica to use next, among the replicas the balancer was created
	 * for (those eligible for reads when it was built, in configuration order).
	 */
	int next();

	/**
	 * Creates a balancer for a set of replicas, each time the replicas eligible for reads change.
	 */
	@FunctionalInterface
	interface Factory {

		/**
		 * Return a balancer over replicas with these weights, in this order.
		 */
		ReplicaLoadBalancer create(int[] weights);

	}

	/**
	 * Return a balancer that takes the replicas in turn, each as often as its weight, interleaved
	 * (weights 1 and 2 give B, A, B, B, A, B, ...).
	 */
	static ReplicaLoadBalancer roundRobin(int... weights) {
		return new RoundRobinLoadBalancer(WeightedSequence.of(weights));
	}

	/**
	 * Return a balancer that picks a replica at random, with a probability proportional to its
	 * weight.
	 */
	static ReplicaLoadBalancer random(int... weights) {
		return new RandomLoadBalancer(WeightedSequence.of(weights));
	}

}

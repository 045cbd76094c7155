package dev.replication.sample.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingDecision.Reason;
import dev.replication.routing.RoutingListener;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the connections each node handed out over the last {@value #SECONDS} seconds, by reason
 * and by read or write: the live read/write split of the page. A {@link RoutingListener}, so it
 * runs on the routing path: it takes no lock and, once a node has been seen in a second,
 * allocates nothing.
 */
@Component
class RoutingSplit implements RoutingListener {

	/** How many whole seconds the split covers. */
	static final int SECONDS = 10;

	private static final Reason[] REASONS = Reason.values();

	// One slot more than the window: the current second fills while the window's oldest is read.
	private final AtomicReferenceArray<Second> slots = new AtomicReferenceArray<>(SECONDS + 1);

	private final LongSupplier epochSeconds;

	@Autowired
	RoutingSplit() {
		this(() -> System.currentTimeMillis() / 1000);
	}

	RoutingSplit(LongSupplier epochSeconds) {
		this.epochSeconds = epochSeconds;
	}

	@Override
	public void routed(RoutingDecision decision) {
		record(decision.node(), decision.reason(), decision.readOnly());
	}

	void record(String node, Reason reason, boolean readOnly) {
		long now = this.epochSeconds.getAsLong();
		int index = (int) (now % this.slots.length());
		Second second = this.slots.get(index);
		if (second == null || second.epochSecond != now) {
			Second fresh = new Second(now);
			// A thread that loses the race counts in the winner's slot: the same second.
			second = this.slots.compareAndSet(index, second, fresh) ? fresh : this.slots.get(index);
		}
		second.counts.computeIfAbsent(node, (name) -> new AtomicLongArray(REASONS.length * 2))
			.incrementAndGet(reason.ordinal() * 2 + (readOnly ? 1 : 0));
	}

	/**
	 * Return how many connections each node handed out in the last {@value #SECONDS} whole
	 * seconds, per reason, by node name and then reason.
	 */
	List<Count> counts() {
		long now = this.epochSeconds.getAsLong();
		Map<String, long[]> totals = new TreeMap<>();
		for (int i = 0; i < this.slots.length(); i++) {
			Second second = this.slots.get(i);
			if (second != null && second.epochSecond < now && second.epochSecond >= now - SECONDS) {
				second.counts.forEach((node, counts) -> {
					long[] total = totals.computeIfAbsent(node, (name) -> new long[counts.length()]);
					for (int j = 0; j < total.length; j++) {
						total[j] += counts.get(j);
					}
				});
			}
		}
		List<Count> counts = new ArrayList<>();
		totals.forEach((node, total) -> {
			for (int j = 0; j < total.length; j++) {
				if (total[j] > 0) {
					counts.add(new Count(node, REASONS[j / 2].description(), j % 2 == 1, total[j]));
				}
			}
		});
		counts.sort(Comparator.comparing(Count::node).thenComparing(Count::reason));
		return counts;
	}

	/**
	 * How many connections {@code node} handed out for one reason.
	 *
	 * @param node the node's name
	 * @param reason the reason's description
	 * @param read whether the caller only read
	 * @param connections how many connections
	 */
	record Count(String node, String reason, boolean read, long connections) {
	}

	private static final class Second {

		private final long epochSecond;

		private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();

		Second(long epochSecond) {
			this.epochSecond = epochSecond;
		}

	}

}

package dev.replication.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Checks a campaign's calls against what the fault injector did, and lists every violation of
 * what the starter promises: writes acknowledged only by the primary, read-your-writes, bounded
 * calls, writes back soon after a promotion, replicas back soon after they recover, no connection
 * left in use, and, with a synchronous standby, no acknowledged write lost.
 */
final class CampaignChecker {

	private final List<Call> calls;

	private final FaultLog faults;

	private final Duration callBound;

	private final Duration recoveryBound;

	CampaignChecker(List<Call> calls, FaultLog faults, Duration callBound, Duration recoveryBound) {
		this.calls = calls;
		this.faults = faults;
		this.callBound = callBound;
		this.recoveryBound = recoveryBound;
	}

	/**
	 * Return every violation found, each a sentence that says what and when (milliseconds since the
	 * campaign started).
	 */
	List<String> violations(Set<Long> lostWrites, boolean synchronous, Map<String, Integer> activeConnections) {
		List<String> violations = new ArrayList<>();
		// Slow calls last: one fault can make many calls slow, and the other findings should not drown.
		List<String> callViolations = new ArrayList<>();
		for (Call call : this.calls) {
			if (call.kind() == Call.Kind.WRITE && call.ok()) {
				Set<String> allowed = this.faults.primariesBetween(call.started(), call.ended());
				if (call.inRecovery() || !allowed.contains(call.node())) {
					violations.add("write acknowledged by " + call.node() + " (in recovery: " + call.inRecovery()
							+ ", primaries meanwhile: " + allowed + "): " + describe(call));
				}
			}
			// A row lost at a failover is missing for everyone: counted as lost, not as a routing error.
			if (call.outcome() == Call.Outcome.MISSING && !lostWrites.contains(call.writeId())) {
				violations.add("read-your-writes: row just written not found by " + call.node() + ": " + describe(call));
			}
			if (call.outcome() == Call.Outcome.DEADLINE || call.nanos() > this.callBound.toNanos()) {
				violations.add("call took longer than " + this.callBound.toMillis() + " ms: " + describe(call));
			}
		}
		for (Recovered promotion : promotions()) {
			if (promotion.late(this.recoveryBound)) {
				violations.add("writes on " + promotion.node() + " not resumed within " + this.recoveryBound.toMillis()
						+ " ms of its promotion at " + offset(promotion.at()) + " ms (" + promotion.describe() + ")");
			}
		}
		for (Recovered recovery : recoveries()) {
			if (recovery.late(this.recoveryBound)) {
				violations.add(recovery.node() + " not serving reads within " + this.recoveryBound.toMillis()
						+ " ms of catching up after being " + recovery.how() + " at " + offset(recovery.at()) + " ms (" + recovery.describe()
						+ ")");
			}
		}
		activeConnections.forEach((node, active) -> {
			if (active != 0) {
				violations.add("pool of " + node + " still has " + active + " active connections at the end");
			}
		});
		if (synchronous && !lostWrites.isEmpty()) {
			violations.add(lostWrites.size() + " acknowledged writes lost although a synchronous standby had them");
		}
		violations.addAll(callViolations);
		return violations;
	}

	/**
	 * Return, for each promotion, how long after it the first write was acknowledged by the
	 * promoted node.
	 */
	List<Recovered> promotions() {
		return this.faults.promotions()
			.stream()
			.map((promotion) -> new Recovered(promotion.node(), "promoted", promotion.promoted(), Duration.ZERO,
					firstAfter(promotion.promoted(), promotion.node(), Call.Kind.WRITE, true),
					cutShort(promotion.node(), promotion.promoted())))
			.toList();
	}

	/**
	 * Return, for each replica brought back, how long it took to catch up with the primary and how
	 * long after it was brought back the first read it served (started after that) ended.
	 */
	List<Recovered> recoveries() {
		return this.faults.recoveries()
			.stream()
			.map((recovery) -> new Recovered(recovery.node(), recovery.how(), recovery.recovered(),
					Duration.ofNanos(Math.max(0, recovery.caughtUp() - recovery.recovered())),
					firstAfter(recovery.recovered(), recovery.node(), Call.Kind.READ, false),
					cutShort(recovery.node(), recovery.recovered())))
			.toList();
	}

	/**
	 * Return the longest call.
	 */
	Optional<Call> longest() {
		return this.calls.stream().filter((call) -> call.outcome() != Call.Outcome.DEADLINE)
			.max(Comparator.comparingLong(Call::nanos));
	}

	/**
	 * Return whether {@code call} started while a fault was in force or within the recovery bound
	 * after it was undone.
	 */
	boolean duringFault(Call call) {
		return this.faults.duringFault(call.started(), this.recoveryBound.toNanos());
	}

	String describe(Call call) {
		return call.kind() + " by client " + call.client() + " of row " + Long.toHexString(call.writeId()) + " at "
				+ offset(call.started()) + " ms, " + TimeUnit.NANOSECONDS.toMillis(call.nanos()) + " ms, "
				+ call.outcome() + ((call.node() != null) ? " on " + call.node() : "")
				+ ((call.error() != null) ? " (" + call.error() + ")" : "");
	}

	long offset(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos - this.faults.started());
	}

	/**
	 * Return how long after {@code at} the next fault hit {@code node}, if that came within the
	 * recovery bound: the node then had less time than the bound to serve.
	 */
	private Optional<Duration> cutShort(String node, long at) {
		long next = this.faults.nextFaultOn(node, at);
		return (next - at <= this.recoveryBound.toNanos()) ? Optional.of(Duration.ofNanos(next - at))
				: Optional.empty();
	}

	/**
	 * How long after {@code at} the first call of {@code kind} served by {@code node} succeeded:
	 * writes that ended after it (a write may have waited for the promotion), reads that started
	 * after it.
	 */
	private Optional<Duration> firstAfter(long at, String node, Call.Kind kind, boolean byEnd) {
		return this.calls.stream()
			.filter((call) -> call.kind() == kind && call.ok() && node.equals(call.node()))
			.filter((call) -> (byEnd ? call.ended() : call.started()) >= at)
			.map((call) -> Duration.ofNanos(call.ended() - at))
			.min(Comparator.naturalOrder());
	}

	/**
	 * A node that became primary or readable again, and how long until it served.
	 *
	 * @param node the node
	 * @param how what happened to it
	 * @param at when
	 * @param catchUp how long a replica then took to replay the primary's WAL as of that moment
	 * (the starter rightly keeps a replica out of rotation while it is further behind than its lag
	 * limits), zero for a promotion
	 * @param after how long until it served a write (promotion) or a read (recovery)
	 * @param cutShort how long until the next fault hit it, if that came within the bound
	 */
	record Recovered(String node, String how, long at, Duration catchUp, Optional<Duration> after,
			Optional<Duration> cutShort) {

		/**
		 * Return how long after it had caught up it served, zero if it served before.
		 */
		Optional<Duration> afterCatchUp() {
			return this.after.map((after) -> after.compareTo(this.catchUp) > 0 ? after.minus(this.catchUp)
					: Duration.ZERO);
		}

		/**
		 * Return whether it served later than {@code bound} after it had caught up, or not at all,
		 * although no new fault hit it first.
		 */
		boolean late(Duration bound) {
			boolean served = afterCatchUp().isPresent() && afterCatchUp().get().compareTo(bound) <= 0;
			return !served && !cutShortFirst();
		}

		/**
		 * Return whether the next fault hit the node before it served.
		 */
		boolean cutShortFirst() {
			return this.cutShort.isPresent()
					&& (this.after.isEmpty() || this.after.get().compareTo(this.cutShort.get()) > 0);
		}

		String describe() {
			return (this.catchUp.isZero() ? "" : "caught up after " + this.catchUp.toMillis() + " ms, ")
					+ this.after.map((duration) -> "served after " + duration.toMillis() + " ms")
				.orElse("never served afterwards")
					+ this.cutShort.map((duration) -> ", hit by the next fault after " + duration.toMillis() + " ms")
						.orElse("");
		}

	}

}

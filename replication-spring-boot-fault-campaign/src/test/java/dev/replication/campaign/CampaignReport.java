package dev.replication.campaign;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The summary table of a campaign, in Markdown: faults injected, calls, errors by window,
 * longest call, recovery times, lost writes, connections left in use, and how to replay it.
 */
final class CampaignReport {

	private final StringBuilder out = new StringBuilder();

	CampaignReport(String mode, CampaignSettings settings, List<Call> calls, FaultLog faults, CampaignChecker checker,
			LostWrites lost, Map<String, Integer> activeConnections, List<String> violations) {
		line("### Fault campaign, " + mode + ": seed " + settings.seed() + ", " + settings.duration().toSeconds()
				+ " s of faults, " + settings.clients() + " clients, call bound " + settings.callBound().toMillis()
				+ " ms, recovery bound " + settings.recoveryBound().toMillis() + " ms");
		line("");
		line("| Faults injected | Count |");
		line("|---|---|");
		Map<FaultLog.Kind, Long> faultCounts = new EnumMap<>(FaultLog.Kind.class);
		faults.faults().forEach((fault) -> faultCounts.merge(fault.kind(), 1L, Long::sum));
		faultCounts.forEach((kind, count) -> line("| " + kind + " | " + count + " |"));
		line("");
		line("| Calls | Total | OK | Failed | Past deadline | Row missing |");
		line("|---|---|---|---|---|---|");
		for (Call.Kind kind : Call.Kind.values()) {
			List<Call> ofKind = calls.stream().filter((call) -> call.kind() == kind).toList();
			line("| " + kind + " | " + ofKind.size() + " | " + count(ofKind, Call.Outcome.OK) + " | "
					+ count(ofKind, Call.Outcome.FAILED) + " | " + count(ofKind, Call.Outcome.DEADLINE) + " | "
					+ count(ofKind, Call.Outcome.MISSING) + " |");
		}
		line("");
		line("| Errors (kind of call: error) | During a fault (or " + settings.recoveryBound().toSeconds()
				+ " s after) | Outside |");
		line("|---|---|---|");
		Map<String, long[]> errors = new TreeMap<>();
		calls.stream().filter((call) -> !call.ok()).forEach((call) -> {
			String key = call.kind() + ": " + ((call.error() != null) ? call.error() : call.outcome());
			errors.computeIfAbsent(key, (k) -> new long[2])[checker.duringFault(call) ? 0 : 1]++;
		});
		if (errors.isEmpty()) {
			line("| none | 0 | 0 |");
		}
		errors.forEach((error, counts) -> line("| " + error + " | " + counts[0] + " | " + counts[1] + " |"));
		line("");
		line("| Figure | Value |");
		line("|---|---|");
		line("| Longest call | " + checker.longest().map(checker::describe).orElse("none") + " |");
		line("| Served by a replica (in recovery) | " + servedByReplica(calls, Call.Kind.READ) + " of the reads, "
				+ servedByReplica(calls, Call.Kind.READ_YOUR_WRITE) + " of the read-your-write reads |");
		List<CampaignChecker.Recovered> promotions = checker.promotions();
		List<CampaignChecker.Recovered> recoveries = checker.recoveries();
		line("| Writes resumed after a promotion | " + spread(promotions) + " |");
		for (String how : recoveries.stream().map(CampaignChecker.Recovered::how).distinct().sorted().toList()) {
			line("| Reads served after a replica " + how + " | "
					+ spread(recoveries.stream().filter((recovery) -> recovery.how().equals(how)).toList()) + " |");
		}
		if (promotions.size() + recoveries.size() <= 16) {
			for (CampaignChecker.Recovered promotion : promotions) {
				line("| - writes on " + promotion.node() + " after its promotion at " + checker.offset(promotion.at())
						+ " ms | " + promotion.describe() + " |");
			}
			for (CampaignChecker.Recovered recovery : recoveries) {
				line("| - reads on " + recovery.node() + " after " + recovery.how() + " at "
						+ checker.offset(recovery.at()) + " ms | " + recovery.describe() + " |");
			}
		}
		line("| Acknowledged writes lost (" + mode + ") | " + lost.lost().size() + " of " + lost.acknowledged()
				+ ((lost.lost().isEmpty()) ? "" : " (rows " + lost.lost().stream().limit(5).map(Long::toHexString)
					.collect(Collectors.joining(", ")) + (lost.lost().size() > 5 ? ", ..." : "") + ")")
				+ " |");
		line("| Failed writes that committed all the same | " + lost.failedButCommitted() + " |");
		line("| Active connections at the end | " + activeConnections + " |");
		line("");
		line("Violations: " + (violations.isEmpty() ? "none" : violations.size()));
		violations.stream().limit(20).forEach((violation) -> line("- " + violation));
		line("Replay: ./mvnw -pl replication-spring-boot-fault-campaign -am verify -Dtest=FaultCampaignTests "
				+ "-Dsurefire.failIfNoSpecifiedTests=false -Dcampaign.seed=" + settings.seed() + " -Dcampaign.duration="
				+ settings.duration().toSeconds() + "s");
	}

	/**
	 * Return the median and longest time until {@code events} served once caught up with the
	 * primary, leaving out those the next fault hit first, and how many never served.
	 */
	private static String spread(List<CampaignChecker.Recovered> events) {
		List<Long> millis = events.stream()
			.filter((event) -> event.after().isPresent() && !event.cutShortFirst())
			.map((event) -> event.afterCatchUp().get().toMillis())
			.sorted()
			.toList();
		List<Long> catchUps = events.stream().map((event) -> event.catchUp().toMillis()).sorted().toList();
		long cutShort = events.stream().filter(CampaignChecker.Recovered::cutShortFirst).count();
		long neverServed = events.size() - millis.size() - cutShort;
		String figures = millis.isEmpty() ? "none served"
				: "median " + millis.get(millis.size() / 2) + " ms, 95th percentile "
						+ millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1))
						+ " ms, longest " + millis.get(millis.size() - 1) + " ms";
		String caughtUp = (catchUps.isEmpty() || catchUps.get(catchUps.size() - 1) == 0) ? ""
				: " after catching up (median " + catchUps.get(catchUps.size() / 2) + " ms, longest "
						+ catchUps.get(catchUps.size() - 1) + " ms)";
		return events.size() + " events" + caughtUp + ": " + figures
				+ ((cutShort > 0) ? "; " + cutShort + " hit by the next fault first, not counted" : "")
				+ ((neverServed > 0) ? "; " + neverServed + " never served" : "");
	}

	private static String servedByReplica(List<Call> calls, Call.Kind kind) {
		List<Call> served = calls.stream().filter((call) -> call.kind() == kind && call.node() != null).toList();
		return served.stream().filter(Call::inRecovery).count() + "/" + served.size();
	}

	private static long count(List<Call> calls, Call.Outcome outcome) {
		return calls.stream().filter((call) -> call.outcome() == outcome).count();
	}

	private void line(String line) {
		this.out.append(line).append('\n');
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/**
	 * Writes acknowledged to a client but missing from the final primary, and writes a client saw
	 * fail that committed all the same (a failure after the commit, which no client can tell apart).
	 *
	 * @param acknowledged how many writes were acknowledged
	 * @param lost the ids of the acknowledged rows missing at the end
	 * @param failedButCommitted how many failed writes are present at the end
	 */
	record LostWrites(long acknowledged, List<Long> lost, long failedButCommitted) {
	}

}

package dev.replication.webapp;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link BrowseAndEditFlow} against the application and measures, on the database, which
 * nodes served it: the change of each node's {@link TableScans} across the flow.
 *
 * @param replicaScans table scans run on the replicas during the flow
 * @param primaryScans table scans run on the primary during the flow
 * @param requests HTTP requests sent
 * @param failures the requests that failed
 * @param staleReads what the pages shown after a redirect failed to show
 */
record WebFlowMeasurement(long replicaScans, long primaryScans, int requests, List<String> failures,
		List<String> staleReads) {

	static final List<String> TABLES = List.of("owners", "pets", "types", "visits");

	static WebFlowMeasurement run(int port, RoutingTally routing, String run, int loops, String label)
			throws SQLException, InterruptedException {
		TableScans scans = new TableScans(SharedCluster.get(), TABLES);
		Map<String, Long> before = scans.settled();
		routing.reset();
		Browser browser = new Browser(port);
		BrowseAndEditFlow flow = new BrowseAndEditFlow(browser, run);
		long start = System.nanoTime();
		flow.run(loops);
		long millis = (System.nanoTime() - start) / 1_000_000;
		Map<String, Long> after = scans.settled();
		long primary = after.get("primary") - before.get("primary");
		long replicas = 0;
		StringBuilder perNode = new StringBuilder();
		for (String node : after.keySet()) {
			long delta = after.get(node) - before.get(node);
			perNode.append(' ').append(node).append('=').append(delta);
			if (!node.equals("primary")) {
				replicas += delta;
			}
		}
		WebFlowMeasurement measurement = new WebFlowMeasurement(replicas, primary, browser.requests(),
				browser.failures(), flow.staleReads());
		System.out.printf(
				"MEASURED replica share of table scans: %d %% (replicas %d, primary %d), failed requests: %d"
						+ " [%s: %d loops, %d requests in %d ms, scans per node:%s, stale reads after redirect: %d]%n",
				measurement.replicaSharePercent(), replicas, primary, browser.failures().size(), label, loops,
				browser.requests(), millis, perNode, flow.staleReads().size());
		System.out.printf("MEASURED connections handed out by node (reason) [%s]: %s%n", label, routing.counts());
		browser.failures().stream().limit(5).forEach((failure) -> System.out.println("  failed: " + failure));
		flow.staleReads().stream().limit(5).forEach((stale) -> System.out.println("  stale: " + stale));
		return measurement;
	}

	/**
	 * Return the replicas' share of the flow's table scans, in percent, rounded down.
	 */
	long replicaSharePercent() {
		long total = this.replicaScans + this.primaryScans;
		return (total != 0) ? this.replicaScans * 100 / total : 0;
	}

}

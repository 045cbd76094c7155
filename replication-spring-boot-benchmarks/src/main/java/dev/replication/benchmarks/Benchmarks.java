package dev.replication.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks named on the command line ({@code layer}, {@code decision}, {@code e2e},
 * {@code startup}; all of them by default) with one fork each and the GC profiler, and prints a
 * table per group with the starter's ratio to the plain setups: on a shared machine only ratios
 * measured side by side mean anything.
 */
public final class Benchmarks {

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private Benchmarks() {
	}

	public static void main(String[] args) throws RunnerException {
		List<String> groups = (args.length > 0) ? Arrays.asList(args) : List.of("layer", "decision", "e2e", "startup");
		List<String> tables = new ArrayList<>();
		for (String group : groups) {
			switch (group) {
				case "layer" -> tables.add(layerTable("Routing layer over connections that cost nothing (ns/op)",
						run(RoutingLayerBenchmark.class, 3, 5, 1), Setups.PLAIN_HIKARI, Setups.LAZY_PROXY));
				case "decision" -> tables.add(decisionTable(run(RouterDecisionBenchmark.class, 3, 5, 1)));
				case "e2e" -> tables.add(layerTable("End to end on the embedded cluster, loopback (us/op)",
						run(EndToEndBenchmark.class, 2, 5, 2), null, Setups.LAZY_PROXY));
				case "startup" -> tables.add(startupTable(StartupComparison.run(2, 10)));
				default -> throw new IllegalArgumentException(
						"Unknown group [" + group + "]: use layer, decision, e2e or startup");
			}
		}
		System.out.println();
		tables.forEach(System.out::println);
	}

	private static Collection<RunResult> run(Class<?> benchmark, int warmups, int iterations, int seconds)
			throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(benchmark.getName() + "\\.")
			.forks(1)
			.warmupIterations(warmups)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(seconds))
			.threads(1)
			.addProfiler(GCProfiler.class)
			.jvmArgs("-Xms1g", "-Xmx1g");
		return new Runner(options.build()).run();
	}

	private static String layerTable(String title, Collection<RunResult> results, String plain, String lazy) {
		Map<String, Map<String, RunResult>> byCall = new LinkedHashMap<>();
		for (RunResult result : results) {
			byCall.computeIfAbsent(method(result), (key) -> new LinkedHashMap<>())
				.put(result.getParams().getParam("setup"), result);
		}
		StringBuilder table = new StringBuilder("### ").append(title).append("\n\n| call |");
		if (plain != null) {
			table.append(" plain HikariCP |");
		}
		table.append(" lazy proxy | starter | starter − lazy | starter / lazy |");
		if (plain != null) {
			table.append(" starter / plain |");
		}
		table.append(" B/op (").append((plain != null) ? "plain / " : "").append("lazy / starter) |\n|---|");
		table.append("---|".repeat((plain != null) ? 7 : 5)).append('\n');
		for (Map.Entry<String, Map<String, RunResult>> call : byCall.entrySet()) {
			Result<?> starter = call.getValue().get(Setups.STARTER).getPrimaryResult();
			Result<?> lazyResult = call.getValue().get(lazy).getPrimaryResult();
			Result<?> plainResult = (plain != null) ? call.getValue().get(plain).getPrimaryResult() : null;
			table.append("| ").append(call.getKey()).append(" | ");
			if (plainResult != null) {
				table.append(score(plainResult)).append(" | ");
			}
			table.append(score(lazyResult)).append(" | ").append(score(starter)).append(" | ");
			table.append(format(starter.getScore() - lazyResult.getScore())).append(" | ");
			table.append(ratio(starter, lazyResult)).append(" | ");
			if (plainResult != null) {
				table.append(ratio(starter, plainResult)).append(" | ");
				table.append(allocation(call.getValue().get(plain))).append(" / ");
			}
			table.append(allocation(call.getValue().get(lazy))).append(" / ");
			table.append(allocation(call.getValue().get(Setups.STARTER))).append(" |\n");
		}
		return table.toString();
	}

	private static String decisionTable(Collection<RunResult> results) {
		StringBuilder table = new StringBuilder(
				"### Routing decision alone, ReplicationRouter.decide() (target < 100 ns, 0 B/op)\n\n");
		table.append("| caller | ns/op | B/op |\n|---|---|---|\n");
		for (RunResult result : results) {
			table.append("| ").append(result.getParams().getParam("caller")).append(" | ");
			table.append(score(result.getPrimaryResult())).append(" | ").append(allocation(result)).append(" |\n");
		}
		return table.toString();
	}

	private static String startupTable(long[][] times) {
		long plain = median(times[0]);
		long starter = median(times[1]);
		return "### Context start, " + times[0].length + " starts of each in turn in one JVM (ms)\n\n"
				+ "| configuration | median | min | max |\n|---|---|---|---|\n" + "| plain single DataSource | " + plain
				+ " | " + times[0][0] + " | " + times[0][times[0].length - 1] + " |\n"
				+ "| starter (primary + 2 replicas, health monitor) | " + starter + " | " + times[1][0] + " | "
				+ times[1][times[1].length - 1] + " |\n" + "| starter − plain | " + (starter - plain) + " | | |\n";
	}

	private static long median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

	private static String method(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

	private static String score(Result<?> result) {
		return format(result.getScore()) + " ± " + format(result.getScoreError());
	}

	private static String ratio(Result<?> a, Result<?> b) {
		double ratio = a.getScore() / b.getScore();
		double error = ratio * Math.hypot(relative(a), relative(b));
		return String.format(Locale.ROOT, "%.2f ± %.2f", ratio, error);
	}

	private static double relative(Result<?> result) {
		double error = result.getScoreError();
		return Double.isNaN(error) ? 0 : error / result.getScore();
	}

	private static String allocation(RunResult result) {
		Result<?> allocation = result.getSecondaryResults()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith(ALLOCATION))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		return (allocation != null) ? String.format(Locale.ROOT, "%.0f", allocation.getScore()) : "?";
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "?";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}

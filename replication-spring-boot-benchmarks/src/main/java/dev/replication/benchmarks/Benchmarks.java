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
 * {@code startup}, all of them by default; {@code layer-interleaved} for the interleaved part of
 * {@code layer} only) and prints a table per group. JMH (one fork, GC
 * profiler) gives time and allocation per call; on a shared machine only ratios measured side by
 * side mean anything, so the setups are also compared {@link Interleaved interleaved}.
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
				case "layer" -> {
					tables.add(layerTable("Routing layer over connections that cost nothing, JMH (ns/op ± 99.9 % error)",
							run(RoutingLayerBenchmark.class, 3, 8, 1)));
					tables.add(Comparisons.layer());
				}
				case "layer-interleaved" -> tables.add(Comparisons.layer());
				case "decision" -> tables.add(decisionTable(run(RouterDecisionBenchmark.class, 3, 5, 1)));
				case "e2e" -> tables.add(Comparisons.endToEnd());
				case "startup" -> tables.add(startupTable(StartupComparison.run(2, 10)));
				default -> throw new IllegalArgumentException(
						"Unknown group [" + group + "]: use layer, layer-interleaved, decision, e2e or startup");
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

	private static String layerTable(String title, Collection<RunResult> results) {
		Map<String, Map<String, RunResult>> byCall = new LinkedHashMap<>();
		for (RunResult result : results) {
			byCall.computeIfAbsent(method(result), (key) -> new LinkedHashMap<>())
				.put(result.getParams().getParam("setup"), result);
		}
		StringBuilder table = new StringBuilder("### ").append(title).append("\n\n");
		table.append("| call | plain HikariCP | lazy proxy | starter | starter − lazy | starter / lazy | starter / plain ")
			.append("| B/op (plain / lazy / starter) |\n|---|---|---|---|---|---|---|---|\n");
		for (Map.Entry<String, Map<String, RunResult>> call : byCall.entrySet()) {
			RunResult plain = call.getValue().get(Setups.PLAIN_HIKARI);
			RunResult lazy = call.getValue().get(Setups.LAZY_PROXY);
			RunResult starter = call.getValue().get(Setups.STARTER);
			table.append("| ").append(call.getKey()).append(" | ");
			table.append(score(plain.getPrimaryResult())).append(" | ");
			table.append(score(lazy.getPrimaryResult())).append(" | ");
			table.append(score(starter.getPrimaryResult())).append(" | ");
			table.append(format(starter.getPrimaryResult().getScore() - lazy.getPrimaryResult().getScore())).append(" | ");
			table.append(ratio(starter.getPrimaryResult(), lazy.getPrimaryResult())).append(" | ");
			table.append(ratio(starter.getPrimaryResult(), plain.getPrimaryResult())).append(" | ");
			table.append(allocation(plain)).append(" / ").append(allocation(lazy)).append(" / ");
			table.append(allocation(starter)).append(" |\n");
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

package dev.replication.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Times the same calls through several setups in turn, batch after batch in one JVM, and takes
 * the ratio of each round's batches: on a machine shared with other work, what slows one setup
 * down in a round slows its neighbours too, so the ratios hold where the absolute times do not.
 */
final class Interleaved {

	/**
	 * The calls compared, by name.
	 */
	static final Map<String, ToLongFunction<QueryService>> CALLS = calls();

	private final Map<String, QueryService> setups;

	private final int batch;

	private long sink;

	/**
	 * Compare {@code setups} (by name), timing {@code batch} calls per setup and round.
	 */
	Interleaved(Map<String, QueryService> setups, int batch) {
		this.setups = setups;
		this.batch = batch;
	}

	private static Map<String, ToLongFunction<QueryService>> calls() {
		Map<String, ToLongFunction<QueryService>> calls = new LinkedHashMap<>();
		calls.put("readOnlyTransaction", QueryService::readInReadOnlyTransaction);
		calls.put("readWriteTransaction", QueryService::writeInTransaction);
		calls.put("readOnlyOutsideTransaction", QueryService::readOutsideTransaction);
		calls.put("threeReadsOutsideTransaction", QueryService::readThreeOutsideTransaction);
		return calls;
	}

	/**
	 * Run {@code warmups} unmeasured rounds, then {@code rounds} measured ones, and return the ns
	 * per call of each round, by call and setup.
	 */
	Map<String, Map<String, double[]>> run(int warmups, int rounds) {
		Map<String, Map<String, double[]>> times = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(this.setups.keySet());
		for (Map.Entry<String, ToLongFunction<QueryService>> call : CALLS.entrySet()) {
			Map<String, double[]> bySetup = new LinkedHashMap<>();
			names.forEach((name) -> bySetup.put(name, new double[rounds]));
			for (int round = 0; round < warmups + rounds; round++) {
				for (int i = 0; i < names.size(); i++) {
					// Each round starts with another setup, so none always follows the same one.
					String name = names.get((round + i) % names.size());
					double nanos = time(this.setups.get(name), call.getValue());
					if (round >= warmups) {
						bySetup.get(name)[round - warmups] = nanos;
					}
				}
			}
			times.put(call.getKey(), bySetup);
		}
		if (this.sink == 42) {
			System.out.print("");
		}
		return times;
	}

	private double time(QueryService service, ToLongFunction<QueryService> call) {
		long started = System.nanoTime();
		for (int i = 0; i < this.batch; i++) {
			this.sink += call.applyAsLong(service);
		}
		return (double) (System.nanoTime() - started) / this.batch;
	}

	/**
	 * Return a table of {@code times}: the median ns per call of each setup, and the median over
	 * the rounds of {@code setup}'s ratio to each other setup, with the rounds' quartiles.
	 */
	static String table(String title, Map<String, Map<String, double[]>> times, String setup) {
		StringBuilder table = new StringBuilder("### ").append(title).append("\n\n| call |");
		List<String> names = new ArrayList<>(times.values().iterator().next().keySet());
		List<String> others = names.stream().filter((name) -> !name.equals(setup)).toList();
		names.forEach((name) -> table.append(' ').append(name).append(" |"));
		others.forEach((other) -> table.append(' ').append(setup).append(" / ").append(other).append(" |"));
		table.append("\n|---|").append("---|".repeat(names.size() + others.size())).append('\n');
		for (Map.Entry<String, Map<String, double[]>> call : times.entrySet()) {
			table.append("| ").append(call.getKey()).append(" |");
			for (String name : names) {
				table.append(' ').append(format(quantile(call.getValue().get(name), 0.5))).append(" |");
			}
			for (String other : others) {
				double[] ratios = ratios(call.getValue().get(setup), call.getValue().get(other));
				table.append(String.format(Locale.ROOT, " %.2f (%.2f–%.2f) |", quantile(ratios, 0.5),
						quantile(ratios, 0.25), quantile(ratios, 0.75)));
			}
			table.append('\n');
		}
		return table.toString();
	}

	private static double[] ratios(double[] a, double[] b) {
		double[] ratios = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			ratios[i] = a[i] / b[i];
		}
		return ratios;
	}

	private static double quantile(double[] values, double quantile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.round(quantile * (sorted.length - 1))];
	}

	private static String format(double nanos) {
		return (nanos >= 10_000) ? String.format(Locale.ROOT, "%.1f µs", nanos / 1000)
				: String.format(Locale.ROOT, "%.0f ns", nanos);
	}

}

package dev.replication.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.replication.context.RoutingContextHolder;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ReplayPauser;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.WriteThenRead;
import dev.replication.testapp.WriteThenReadLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark of read-your-writes modes on the embedded cluster, run only on request
 * (its name does not match the build's test patterns):
 *
 * <pre>
 * ./mvnw -pl replication-spring-boot-autoconfigure -am verify -Dtest=ReadYourWritesBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dreplication.benchmark.seconds=10
 * </pre>
 *
 * ({@code -Dreplication.benchmark.max-wait=5ms} sets {@code replication.read-your-writes.max-wait}.)
 *
 * It prints a Markdown table: for the write-then-read workload of 16 users with one replica's
 * replay paused at random, the share of read-backs replicas served, the stale ones and the
 * throughput, in modes none, window and lsn; then what taking the token costs a write
 * transaction, lsn against none side by side (alternating rounds, same run), and on one raw
 * connection the commit alone, the commit with the position query in the same round trip, and the
 * commit followed by a separate position query.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ReadYourWritesBenchmark {

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("replication.benchmark.seconds", 10));

	private static final int COST_ROUNDS = 16;

	/** How lsn mode once took the token: the position query in the commit's round trip. */
	private static final String COMMIT_AND_READ_POSITION = "COMMIT; SELECT pg_current_wal_lsn()::text";

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	@Test
	void compareModes() throws Exception {
		StringBuilder table = new StringBuilder();
		try (ConfigurableApplicationContext warmUp = start("lsn")) {
			// Unmeasured: JIT, pools and the cluster's caches warm up before the first mode counts.
			WriteThenReadLoad.run(new WriteThenRead(warmUp.getBean(JdbcTemplate.class),
					warmUp.getBean(PlatformTransactionManager.class)), 16, Duration.ofSeconds(3));
		}
		table.append("| Mode | Read-backs from replicas | Stale read-backs | Write-then-reads/s | Position queries per read-back |\n"
				+ "|---|---|---|---|---|\n");
		for (String mode : List.of("none", "window", "lsn")) {
			try (ConfigurableApplicationContext context = start(mode)) {
				WriteThenRead workload = new WriteThenRead(context.getBean(JdbcTemplate.class),
						context.getBean(PlatformTransactionManager.class));
				WriteThenReadLoad.Result result;
				try (ReplayPauser pauser = new ReplayPauser(this.cluster, this.cluster.replica(0), 20, 200)) {
					result = WriteThenReadLoad.run(workload, 16, DURATION);
				}
				this.cluster.awaitReplication();
				long positionQueries = context.getBean(ReplicationRouter.class).readYourWritesStats().positionQueries();
				table.append(String.format("| `%s` | %.1f %% | %d of %d | %.0f | %.2f |%n", mode, result.replicaShare(),
						result.stale(), result.reads(), result.throughput(),
						(double) positionQueries / Math.max(1, result.reads())));
			}
		}
		table.append(writeCost());
		table.append(rawCommitCost());
		System.out.println("MEASURED read-your-writes benchmark (" + DURATION.toSeconds() + " s per mode, "
				+ Runtime.getRuntime().availableProcessors() + " cores)\n" + table);
	}

	/**
	 * Write transactions through the routed DataSource, lsn against none, in many short rounds
	 * that alternate which goes first: each pair of rounds sees the same machine, so the median
	 * of their ratios holds even on a machine shared with other builds.
	 */
	private String writeCost() throws Exception {
		try (ConfigurableApplicationContext none = start("none"); ConfigurableApplicationContext lsn = start(System.getProperty("replication.benchmark.cost-mode", "lsn"))) {
			Duration round = Duration.ofMillis(Math.max(500, DURATION.toMillis() / 10));
			writeTransactions(none, round);
			writeTransactions(lsn, round);
			List<Double> ratios = new ArrayList<>();
			long noneTotal = 0;
			long lsnTotal = 0;
			for (int i = 0; i < COST_ROUNDS; i++) {
				long noneCount;
				long lsnCount;
				if (i % 2 == 0) {
					noneCount = writeTransactions(none, round);
					lsnCount = writeTransactions(lsn, round);
				}
				else {
					lsnCount = writeTransactions(lsn, round);
					noneCount = writeTransactions(none, round);
				}
				noneTotal += noneCount;
				lsnTotal += lsnCount;
				ratios.add((double) lsnCount / noneCount);
			}
			List<Double> sorted = ratios.stream().sorted().toList();
			double median = sorted.get(sorted.size() / 2);
			return String.format("%nWrite transactions through the routed DataSource (4 threads, one INSERT each, "
					+ "%d alternating pairs of %d ms rounds): none %d, lsn %d; lsn/none throughput, median of the "
					+ "pairs = %.3f (quartiles %.3f-%.3f): taking the token costs %.1f %%%n", COST_ROUNDS,
					round.toMillis(), noneTotal, lsnTotal, median, sorted.get(sorted.size() / 4),
					sorted.get(sorted.size() * 3 / 4), (1 - median) * 100);
		}
	}

	private static long writeTransactions(ConfigurableApplicationContext context, Duration duration) throws Exception {
		JdbcTemplate jdbcTemplate = context.getBean(JdbcTemplate.class);
		TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		LongAdder done = new LongAdder();
		long end = System.nanoTime() + duration.toNanos();
		for (int i = 0; i < 4; i++) {
			threads.execute(() -> {
				while (System.nanoTime() < end) {
					RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
					try {
						transactions.executeWithoutResult(
								(status) -> jdbcTemplate.update("INSERT INTO note (body) VALUES ('cost')"));
						done.increment();
					}
					finally {
						RoutingContextHolder.exit(caller);
					}
				}
			});
		}
		threads.shutdown();
		threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
		return done.sum();
	}

	/**
	 * Microseconds per write transaction on one raw connection to the primary: commit alone,
	 * commit and position in one round trip, commit then a separate position query; each round
	 * runs the three in a rotating order.
	 */
	private String rawCommitCost() throws Exception {
		List<String> names = List.of("commit", "COMMIT; SELECT position, one round trip", "commit, then SELECT position");
		List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		List<List<Double>> ratios = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		try (Connection connection = this.cluster.primary().dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			rawTransactions(connection, statement, 1, 200);
			for (int round = 0; round < COST_ROUNDS; round++) {
				long[] times = new long[3];
				for (int i = 0; i < 3; i++) {
					int variant = (round + i) % 3;
					times[variant] = rawTransactions(connection, statement, variant, 200);
				}
				for (int variant = 0; variant < 3; variant++) {
					nanos.get(variant).add(times[variant]);
					ratios.get(variant).add((double) times[variant] / times[0]);
				}
			}
		}
		StringBuilder text = new StringBuilder("\n| One raw connection, INSERT + ... | us per transaction (median of "
				+ COST_ROUNDS + " rounds of 200) | vs commit alone (median of the rounds' ratios) |\n|---|---|---|\n");
		for (int variant = 0; variant < 3; variant++) {
			text.append(String.format("| %s | %.0f | %.3f |%n", names.get(variant), median(nanos.get(variant)) / 1000,
					medianOf(ratios.get(variant))));
		}
		return text.toString();
	}

	private static double medianOf(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static long rawTransactions(Connection connection, Statement statement, int variant, int count)
			throws Exception {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			statement.executeUpdate("INSERT INTO note (body) VALUES ('raw')");
			if (variant == 1) {
				try (PreparedStatement commitAndRead = connection.prepareStatement(COMMIT_AND_READ_POSITION)) {
					commitAndRead.execute();
				}
				connection.commit();
			}
			else {
				connection.commit();
				if (variant == 2) {
					try (ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
						result.next();
					}
					connection.commit();
				}
			}
		}
		return (System.nanoTime() - start) / count;
	}

	private static double median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private ConfigurableApplicationContext start(String mode) {
		List<String> properties = new ArrayList<>(List.of(ClusterProperties.values()));
		properties.add("replication.read-your-writes.mode=" + mode);
		properties.add("replication.read-your-writes.max-wait=" + System.getProperty("replication.benchmark.max-wait", "0"));
		properties.add("spring.main.banner-mode=off");
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

}

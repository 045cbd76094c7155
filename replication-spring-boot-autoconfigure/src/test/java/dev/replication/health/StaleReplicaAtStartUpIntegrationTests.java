package dev.replication.health;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ReadLoad;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica whose replay has been stuck since before the application started, longer than
 * {@code max-lag}, with no {@code max-lag-bytes}: its lag cannot be known from a history of
 * primary positions that begins at start-up, and lag that cannot be known is not zero. It serves
 * no read until it has caught up.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "replication.health.max-lag=1s")
@DirtiesContext
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Import(StaleReplicaAtStartUpIntegrationTests.EarlyReads.class)
class StaleReplicaAtStartUpIntegrationTests {

	static EmbeddedReplicationCluster cluster;

	@Autowired
	ProbeService service;

	@Autowired
	ReplicationTopology topology;

	@Autowired
	EarlyReads earlyReads;

	@DynamicPropertySource
	static void startClusterWithAStuckReplica(DynamicPropertyRegistry registry) throws Exception {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		cluster.awaitReplication();
		cluster.pauseReplay(cluster.replica(0));
		try (Connection connection = cluster.primary().dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			// Out of the schema the application's migrations own.
			statement.execute("CREATE SCHEMA before_start_up");
			statement.execute("CREATE TABLE before_start_up.written (id int)");
		}
		// Longer ago than max-lag by the time the application starts.
		Thread.sleep(2000);
		ClusterProperties.register(registry, cluster);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void replicaStuckSinceBeforeStartUpServesNoReadUntilItCatchesUp() throws Exception {
		ClusterNode stuck = cluster.replica(0);
		ClusterNode fresh = cluster.replica(1);
		List<ReadLoad.Read> reads;
		try {
			List<Integer> early = this.earlyReads.stop();
			System.out.printf("MEASURED stale-at-start-up: %d reads from the data source's creation on, %d by %s%n",
					early.size(), early.stream().filter((port) -> port == stuck.port()).count(), stuck.name());
			assertThat(early).as("reads from the data source's creation on").isNotEmpty()
				.doesNotContain(stuck.port());
			ReadLoad load = new ReadLoad(4, this.service::readOnly);
			Thread.sleep(3000);
			reads = load.stop();
			NodeStatus status = status(stuck);
			System.out.printf("MEASURED stale-at-start-up: %d reads in the first 3 s, %d by %s (%s, lag %s, %d bytes)%n",
					reads.size(), reads.stream().filter((read) -> read.port() == stuck.port()).count(), stuck.name(),
					status.readable() ? "readable" : "out of rotation", status.lag(), status.lagBytes());
			assertThat(load.failures()).isEmpty();
			assertThat(reads).isNotEmpty().noneMatch((read) -> read.port() == stuck.port());
			assertThat(reads).anyMatch((read) -> read.port() == fresh.port());
			assertThat(status.readable()).isFalse();
		}
		finally {
			cluster.resumeReplay(stuck);
		}
		Duration back = Waiting.until(stuck.name() + " back in rotation", Duration.ofSeconds(5),
				() -> status(stuck).readable());
		System.out.printf("MEASURED stale-at-start-up: back in rotation %d ms after resume%n", back.toMillis());
		Waiting.until(stuck.name() + " serving reads", Duration.ofSeconds(3),
				() -> this.service.readOnly().port() == stuck.port());
	}

	/**
	 * Reads in a loop from the moment the routing data source is created, during the rest of the
	 * application's start-up, recording the port of each answer.
	 */
	static class EarlyReads implements BeanPostProcessor, DisposableBean {

		private final Queue<Integer> ports = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private Thread thread;

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof ReplicationDataSource dataSource && this.thread == null) {
				JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
				this.thread = new Thread(() -> {
					while (this.running.get()) {
						try {
							this.ports.add(RoutingContextHolder.call(RoutingIntent.READ_ONLY,
									() -> jdbcTemplate.queryForObject("SELECT inet_server_port()", Integer.class)));
						}
						catch (Exception ex) {
							// Counted by their absence; the test asserts on the ports that answered.
						}
					}
				}, "early-reads");
				this.thread.setDaemon(true);
				this.thread.start();
			}
			return bean;
		}

		List<Integer> stop() throws InterruptedException {
			this.running.set(false);
			if (this.thread != null) {
				this.thread.join(10_000);
			}
			return new ArrayList<>(this.ports);
		}

		@Override
		public void destroy() throws InterruptedException {
			stop();
		}

	}

	private NodeStatus status(ClusterNode node) {
		return this.topology.getNodes()
			.stream()
			.filter((status) -> status.name().equals(node.name()))
			.findFirst()
			.orElseThrow();
	}

}

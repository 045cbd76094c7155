package dev.replication.campaign;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.routing.ReplicationDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fault campaign against the starter: eight clients write, read back what they wrote and
 * read, through a Spring Boot application, while replicas are killed and restarted, replay is
 * paused and resumed, and the primary is killed and a replica promoted; then a
 * {@link CampaignChecker} holds every call to the starter's promises. Once with asynchronous
 * replication, where acknowledged writes may be lost at a failover (counted, not failed), and once
 * with a synchronous standby, where none may be.
 *
 * <p>{@code -Dcampaign.duration=600s} runs each mode ten minutes; {@code -Dcampaign.seed=...}
 * replays the fault schedule of a run (the seed is printed with its summary).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class FaultCampaignTests {

	private static final CampaignSettings settings = CampaignSettings.fromSystemProperties();

	@Test
	void asynchronousReplicationKeepsEveryPromiseButMayLoseAcknowledgedWritesAtFailover() throws Exception {
		runCampaign(0);
	}

	@Test
	void synchronousStandbyKeepsEveryPromiseAndLosesNoAcknowledgedWrite() throws Exception {
		runCampaign(1);
	}

	private void runCampaign(int synchronousStandbys) throws Exception {
		String mode = (synchronousStandbys > 0) ? "synchronous standby" : "asynchronous";
		System.out.println("Fault campaign, " + mode + ": seed " + settings.seed() + ", " + settings.duration());
		try (EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder()
			.replicas(2)
			.synchronousStandbys(synchronousStandbys)
			.start()) {
			execute(cluster.primary(), CampaignWrites.TABLE);
			cluster.awaitReplication();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CampaignApplication.class)
				.web(WebApplicationType.NONE)
				.properties(properties(cluster))
				.run()) {
				Map<Integer, String> nodesByPort = cluster.nodes()
					.stream()
					.collect(Collectors.toMap(ClusterNode::port, ClusterNode::name));
				FaultLog faults = new FaultLog(cluster.primary().name());
				List<Call> calls;
				try (Clients clients = new Clients(settings.clients(), settings.seed(),
						context.getBean(CampaignWrites.class), context.getBean(CampaignReads.class), nodesByPort,
						settings.operationDeadline());
						FaultInjector injector = new FaultInjector(cluster, faults, settings.seed(), settings.duration())) {
					injector.await(settings.duration().plusMinutes(3));
					// Every last promotion and recovery gets the time the checker allows it.
					Thread.sleep(settings.recoveryBound().plusMillis(500).toMillis());
					calls = clients.stop();
				}
				Map<String, Integer> active = activeConnectionsOnceSettled(context.getBean(ReplicationDataSource.class));
				CampaignReport.LostWrites lost = lostWrites(cluster, calls);
				CampaignChecker checker = new CampaignChecker(calls, faults, settings.callBound(),
						settings.recoveryBound());
				List<String> violations = checker.violations(new HashSet<>(lost.lost()), synchronousStandbys > 0,
						active);
				System.out.println(
						new CampaignReport(mode, settings, calls, faults, checker, lost, active, violations));
				assertThat(violations).as("violations of the " + mode + " campaign, seed " + settings.seed())
					.isEmpty();
			}
		}
	}

	private static Map<String, Object> properties(EmbeddedReplicationCluster cluster) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("replication.primary.url", cluster.primary().jdbcUrl());
		properties.put("replication.primary.username", cluster.primary().username());
		for (int i = 0; i < cluster.replicas().size(); i++) {
			properties.put("replication.replicas[" + i + "].url", cluster.replica(i).jdbcUrl());
			properties.put("replication.replicas[" + i + "].name", cluster.replica(i).name());
		}
		properties.put("replication.health.connect-timeout", settings.connectTimeout().toMillis() + "ms");
		properties.put("replication.failover.max-wait", settings.maxWait().toMillis() + "ms");
		return properties;
	}

	/**
	 * Return the connections in use in each node's pool, once they have been given back (at most
	 * a few seconds after the clients stopped).
	 */
	private static Map<String, Integer> activeConnectionsOnceSettled(ReplicationDataSource dataSource)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			Map<String, Integer> active = new LinkedHashMap<>();
			dataSource.getRoutingDataSource().getNodes().forEach((node, pool) -> {
				HikariPoolMXBean bean = ((HikariDataSource) pool).getHikariPoolMXBean();
				active.put(node, (bean != null) ? bean.getActiveConnections() : 0);
			});
			if (active.values().stream().allMatch((count) -> count == 0) || System.nanoTime() > deadline) {
				return active;
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Compare the writes the clients saw acknowledged with the rows on the final primary, once every
	 * replica has caught up with it.
	 */
	private static CampaignReport.LostWrites lostWrites(EmbeddedReplicationCluster cluster, List<Call> calls)
			throws SQLException {
		cluster.awaitReplication();
		Set<Long> present = new HashSet<>();
		try (Connection connection = cluster.primary().dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id FROM campaign_write")) {
			while (rows.next()) {
				present.add(rows.getLong(1));
			}
		}
		List<Call> writes = calls.stream().filter((call) -> call.kind() == Call.Kind.WRITE).toList();
		List<Long> acknowledged = writes.stream().filter(Call::ok).map(Call::writeId).toList();
		List<Long> lost = acknowledged.stream().filter((id) -> !present.contains(id)).sorted().toList();
		long failedButCommitted = writes.stream()
			.filter((call) -> call.outcome() == Call.Outcome.FAILED && present.contains(call.writeId()))
			.count();
		return new CampaignReport.LostWrites(acknowledged.size(), lost, failedButCommitted);
	}

	private static void execute(ClusterNode node, String sql) throws SQLException {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}

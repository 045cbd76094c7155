package dev.replication.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import dev.replication.cluster.NodeStatus;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, the {@code replication} endpoint and the meters over HTTP, on a primary and two
 * replicas of this class's own: replicas stopped, the primary stopped, replay paused, a replica
 * held out for maintenance. The configured password never shows.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,replication",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" })
@DirtiesContext
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@SuppressWarnings("unchecked")
class OperationsIntegrationTests {

	private static final String PASSWORD = "ops-Pw-4f9c2x";

	private static final Duration NODE_CHANGE = Duration.ofSeconds(20);

	static EmbeddedReplicationCluster cluster;

	@LocalServerPort
	private int port;

	@Autowired
	private ProbeService service;

	@Autowired
	private ReplicationHealthMonitor monitor;

	@Autowired
	private ReplicationDataSource dataSource;

	@Autowired
	private MeterRegistry registry;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void startCluster(DynamicPropertyRegistry registry) {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		ClusterProperties.register(registry, cluster);
		// Authentication is trust on loopback: any password works, and none may show.
		registry.add("replication.primary.password", () -> PASSWORD);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@AfterEach
	void restoreCluster() {
		for (ClusterNode node : cluster.nodes()) {
			if (!node.isRunning()) {
				cluster.start(node);
			}
		}
		for (ClusterNode replica : cluster.replicas()) {
			cluster.resumeReplay(replica);
			this.monitor.holdOut(replica.name(), false);
		}
		Waiting.until("every replica back in rotation", NODE_CHANGE,
				() -> this.monitor.getView().readable().size() == cluster.replicas().size()
						&& this.monitor.getView().primary() != null);
	}

	@Test
	void healthStaysUpWithDetailsWhileAReplicaIsStoppedAndIsUpWithTheReplicaBack() throws Exception {
		ClusterNode victim = cluster.replica(0);
		Waiting.until("a read on " + victim.name() + ", so that its pool has started", NODE_CHANGE,
				() -> this.service.readOnly().port() == victim.port());
		DataSource poolBefore = this.dataSource.getRoutingDataSource().getNode(victim.name());
		cluster.stop(victim);
		Waiting.until(victim.name() + " marked down", NODE_CHANGE, () -> !status(victim).up());

		String health = get("/actuator/health", 200);
		assertThat(read(health, "$.status")).isEqualTo("UP");
		assertThat(read(health, "$.components.replication.status")).isEqualTo("UP");
		assertThat(read(health, "$.components.replication.details.nodes['" + victim.name() + "'].state"))
			.isEqualTo("down");
		assertThat(read(health, "$.components.replication.details.nodes['" + victim.name() + "'].lastError"))
			.isNotNull();
		assertThat((List<Object>) JsonPath.read(health, "$.components.replication.details.replicasOut"))
			.containsExactly(victim.name());
		assertThat((Map<String, Object>) JsonPath.read(health, "$.components")).doesNotContainKey("db");
		assertThat(health).doesNotContain(PASSWORD);
		assertThat(read(get("/actuator/health/readiness", 200), "$.status")).isEqualTo("UP");
		assertThat(this.service.readOnly().inRecovery()).as("reads go on on the other replica").isTrue();

		cluster.start(victim);
		Waiting.until(victim.name() + " back in rotation", NODE_CHANGE, () -> status(victim).readable());
		health = get("/actuator/health", 200);
		assertThat(read(health, "$.status")).isEqualTo("UP");
		assertThat(read(health, "$.components.replication.details.nodes['" + victim.name() + "'].state"))
			.isEqualTo("in-rotation");
		assertThat((Map<String, Object>) JsonPath.read(health, "$.components.replication.details"))
			.doesNotContainKey("replicasOut");

		// Its pool was replaced while it was down; the new one reports as hikaricp.* under its name.
		assertThat(this.dataSource.getRoutingDataSource().getNode(victim.name())).isNotSameAs(poolBefore);
		Waiting.until("a read on " + victim.name() + " again", NODE_CHANGE,
				() -> this.service.readOnly().port() == victim.port());
		Gauge connections = this.registry.find("hikaricp.connections").tag("pool", victim.name()).gauge();
		assertThat(connections).as("hikaricp.connections of the replaced pool").isNotNull();
		assertThat(connections.value()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void noPrimaryIsReportedDistinctlyAndNoNodeAtAllIsDown() throws Exception {
		cluster.stop(cluster.primary());
		Waiting.until("no primary", NODE_CHANGE, () -> this.monitor.getView().primary() == null);
		String health = get("/actuator/health", 200);
		assertThat(read(health, "$.components.replication.status")).isEqualTo("READ_ONLY");
		assertThat((Map<String, Object>) JsonPath.read(health, "$.components.replication.details"))
			.doesNotContainKey("primary")
			.containsKey("message");
		assertThat(health).doesNotContain(PASSWORD);
		assertThat(read(get("/actuator/health/readiness", 200), "$.status"))
			.as("replicas serve reads: the instance stays ready")
			.isEqualTo("UP");

		cluster.stop(cluster.replica(0));
		cluster.stop(cluster.replica(1));
		Waiting.until("no readable replica", NODE_CHANGE, () -> this.monitor.getView().readable().isEmpty());
		health = get("/actuator/health", 503);
		assertThat(read(health, "$.status")).isEqualTo("DOWN");
		assertThat(read(health, "$.components.replication.status")).isEqualTo("DOWN");
		assertThat(health).doesNotContain(PASSWORD);
		assertThat(read(get("/actuator/health/readiness", 503), "$.status")).isEqualTo("DOWN");
		assertThat(read(get("/actuator/health/liveness", 200), "$.status")).isEqualTo("UP");
	}

	@Test
	void endpointShowsLagGrowingWhileReplayIsPaused() throws Exception {
		ClusterNode paused = cluster.replica(1);
		cluster.pauseReplay(paused);
		for (int i = 0; i < 5; i++) {
			this.service.write("lag-" + i);
		}
		long[] first = new long[1];
		Waiting.until(paused.name() + " lagging in the endpoint", NODE_CHANGE, () -> {
			first[0] = lagBytes(paused);
			return first[0] > 0;
		});
		for (int i = 0; i < 50; i++) {
			this.service.write("more-lag-" + i);
		}
		long[] later = new long[1];
		Waiting.until(paused.name() + "'s lag growing in the endpoint", NODE_CHANGE, () -> {
			later[0] = lagBytes(paused);
			return later[0] > first[0];
		});
		System.out.printf("MEASURED endpoint lag of %s with replay paused: %d bytes, then %d bytes%n", paused.name(),
				first[0], later[0]);
		String replication = get("/actuator/replication", 200);
		assertThat((Integer) JsonPath.read(replication, "$.nodes['" + paused.name() + "'].lagMillis"))
			.isGreaterThanOrEqualTo(0);
		assertThat(replication).doesNotContain(PASSWORD);
	}

	@Test
	void maintenanceTakesAReplicaOutOfRotationAndPutsItBack() throws Exception {
		ClusterNode held = cluster.replica(0);
		ClusterNode other = cluster.replica(1);
		String out = post("/actuator/replication/" + held.name(), "{\"rotation\":\"out\"}", 200);
		assertThat(read(out, "$.state")).isEqualTo("held-out");
		List<ServedBy> reads = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reads.add(this.service.readOnly());
		}
		assertThat(reads).as("no read reaches the replica held out")
			.allMatch(ServedBy::inRecovery)
			.allMatch((read) -> read.port() == other.port());
		assertThat((List<Object>) JsonPath.read(get("/actuator/replication", 200), "$.heldOut"))
			.containsExactly(held.name());

		post("/actuator/replication/" + held.name(), "{\"rotation\":\"in\"}", 200);
		Waiting.until(held.name() + " serving reads again", NODE_CHANGE,
				() -> this.service.readOnly().port() == held.port());

		assertThat(post("/actuator/replication/replica-9", "{\"rotation\":\"out\"}", 400)).doesNotContain(PASSWORD);
		post("/actuator/replication/" + this.monitor.getView().primary(), "{\"rotation\":\"out\"}", 400);
		post("/actuator/replication/" + held.name(), "{\"rotation\":\"sideways\"}", 400);
	}

	@Test
	void metersCarryTheExpectedValuesAfterAKnownSequenceOfCalls() throws Exception {
		double replicaBefore = routed("replica");
		double primaryBefore = routed("primary");
		long endpointBefore = endpointRoutingTotal();
		double replicaReadsBefore = this.registry.get("replication.ryw.replica.reads").functionCounter().count();
		for (int i = 0; i < 3; i++) {
			this.service.write("meters-" + i);
		}
		int servedByReplicas = 0;
		for (int i = 0; i < 6; i++) {
			servedByReplicas += this.service.readOnly().inRecovery() ? 1 : 0;
		}
		assertThat(routed("replica") - replicaBefore).isEqualTo(servedByReplicas);
		assertThat(routed("primary") - primaryBefore).isEqualTo(3 + (6 - servedByReplicas));
		assertThat(endpointRoutingTotal() - endpointBefore).isEqualTo(9);
		assertThat(this.registry.get("replication.ryw.replica.reads").functionCounter().count() - replicaReadsBefore)
			.isEqualTo(servedByReplicas);
		for (ClusterNode node : cluster.nodes()) {
			assertThat(this.registry.get("replication.node.up").tag("node", node.name()).gauge().value()).isEqualTo(1);
			assertThat(this.registry.get("replication.replica.lag.bytes").tag("node", node.name()).gauge().value())
				.isGreaterThanOrEqualTo(0);
			assertThat(this.registry.find("hikaricp.connections.max").tag("pool", node.name()).gauge())
				.as("hikaricp.* of " + node.name())
				.isNotNull();
		}
		assertThat(this.registry.get("replication.failover").functionCounter().count()).isZero();
		assertThat(this.registry.getMeters()).allMatch((meter) -> !meter.getId().toString().contains(PASSWORD));
	}

	private double routed(String role) {
		return this.registry.find("replication.routing").tag("role", role).counters().stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private long endpointRoutingTotal() throws Exception {
		List<Number> counts = JsonPath.read(get("/actuator/replication", 200), "$.routing.*.*");
		return counts.stream().mapToLong(Number::longValue).sum();
	}

	private long lagBytes(ClusterNode node) {
		try {
			Number lag = JsonPath.read(get("/actuator/replication", 200), "$.nodes['" + node.name() + "'].lagBytes");
			return lag.longValue();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private NodeStatus status(ClusterNode node) {
		return this.monitor.getView().node(node.name());
	}

	private static String read(String json, String path) {
		return JsonPath.read(json, path);
	}

	private String get(String path, int status) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET().build(), status);
	}

	private String post(String path, String json, int status) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), status);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private String send(HttpRequest request, int status) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(status);
		return response.body();
	}

}

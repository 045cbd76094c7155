package dev.replication.jpa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that read on a replica, write, and read back, through a real HTTP server: the write
 * goes to the primary, and the row written is read back from the primary while the replicas have
 * not replayed it. Run with open-in-view on and off by the subclasses.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class ReadWriteReadBackWebTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	private final HttpClient http = HttpClient.newHttpClient();

	final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	long author;

	@BeforeEach
	void createAuthor() {
		this.author = this.jdbcTemplate.queryForObject("INSERT INTO author (name) VALUES ('Le Guin') RETURNING id",
				Long.class);
		this.cluster.awaitReplication();
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
	}

	@AfterEach
	void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.cluster.awaitReplication();
	}

	@Test
	void writeAfterAReadOnlyTransactionGoesToThePrimaryAndIsReadBack() throws Exception {
		String body = call("POST", "/authors/" + this.author + "/books?title=Earthsea");
		assertThat(body).contains("\"before\":0").contains("\"titles\":[\"Earthsea\"]");
		assertThat(decisions(body)).satisfiesExactly((first) -> assertThat(first).contains("(read-only transaction)")
			.startsWith("replica-"), (write) -> assertThat(write).isEqualTo("primary (read-write transaction)"),
				(readBack) -> assertThat(readBack).isEqualTo("primary (no replica has replayed the caller's writes)"));
	}

	@Test
	void writeAfterAQueryMethodOutsideATransactionGoesToThePrimaryAndIsReadBack() throws Exception {
		String title = "Tehanu " + this.author;
		String body = call("POST", "/authors/" + this.author + "/books-after-query?title=" + title.replace(" ", "+"));
		assertThat(body).contains("\"before\":0").contains("\"titles\":[\"" + title + "\"]");
		assertThat(decisions(body)).satisfiesExactly((first) -> assertThat(first).startsWith("replica-"),
				(write) -> assertThat(write).isEqualTo("primary (read-write transaction)"),
				(readBack) -> assertThat(readBack).isEqualTo("primary (no replica has replayed the caller's writes)"));
	}

	@Test
	void replicasServeTheReadsOfAMixOfRequests() throws Exception {
		// Not about staleness: replaying replicas stay within 'replication.health.max-lag' however slow the run.
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		int replica = 0;
		int total = 0;
		for (int i = 0; i < 10; i++) {
			for (String[] request : new String[][] { { "GET", "/authors/" + this.author + "/titles" },
					{ "GET", "/books?prefix=Mix+" + this.author }, { "POST",
							"/authors/" + this.author + "/books?title=Mix+" + this.author + "+" + i } }) {
				for (String decision : decisions(call(request[0], request[1]))) {
					total++;
					replica += decision.startsWith("replica-") ? 1 : 0;
				}
			}
		}
		System.out.printf("MEASURED %s: %d of %d connections routed to a replica%n", getClass().getSimpleName(),
				replica, total);
		// Per round: 2 reads, then (read, write, read back): at least 3 of 5 on a replica, 4 when a
		// replica has replayed the write by the time it is read back (lsn mode).
		assertThat(total).isEqualTo(50);
		assertThat(replica).isBetween(30, 40);
	}

	static java.util.List<String> decisions(String body) {
		String list = body.substring(body.indexOf("\"decisions\":[") + 13);
		list = list.substring(0, list.indexOf(']'));
		return java.util.Arrays.stream(list.split(",")).map((d) -> d.replace("\"", "")).toList();
	}

	String call(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}

package dev.replication.webapp;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes across Post/Redirect/Get, made deterministic: replay is paused on every
 * replica, so a page read from a replica cannot show what the form just saved. The page a form
 * redirects to is a new HTTP request of the same browser, and must show the saved data all the
 * same.
 */
@SpringBootTest(classes = PetClinicApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PostRedirectGetReadYourWritesTests {

	private final EmbeddedReplicationCluster cluster = SharedCluster.get();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		SharedCluster.register(registry);
	}

	@LocalServerPort
	private int port;

	@AfterEach
	void resumeReplay() {
		for (ClusterNode replica : this.cluster.replicas()) {
			this.cluster.resumeReplay(replica);
		}
		this.cluster.awaitReplication();
	}

	@Test
	void pageAfterTheNewOwnerFormShowsTheOwnerWhileReplicasLag() {
		Browser browser = new Browser(this.port);
		pauseReplay();
		Browser.Page owner = browser.submit("/owners/new", Map.of("firstName", "Paula", "lastName", "Paused",
				"address", "1 Lag Lane", "city", "Replica Falls", "telephone", "6085551234"));
		assertThat(browser.failures()).isEmpty();
		assertThat(owner.body()).contains("Paula Paused", "New Owner Created");
	}

	@Test
	void pageAfterTheNewVisitFormShowsTheVisitWhileReplicasLag() {
		Browser browser = new Browser(this.port);
		Matcher addVisit = BrowseAndEditFlow.ADD_VISIT_LINK.matcher(browser.get("/owners/2").body());
		assertThat(addVisit.find()).isTrue();
		assertThat(browser.get(addVisit.group())).isNotNull();
		pauseReplay();
		Browser.Page owner = browser.submit(addVisit.group(),
				Map.of("date", "2026-07-01", "description", "booked while replicas lag"));
		assertThat(browser.failures()).isEmpty();
		assertThat(owner.body()).contains("booked while replicas lag", "Your visit has been booked");
	}

	private void pauseReplay() {
		for (ClusterNode replica : this.cluster.replicas()) {
			this.cluster.pauseReplay(replica);
		}
	}

}

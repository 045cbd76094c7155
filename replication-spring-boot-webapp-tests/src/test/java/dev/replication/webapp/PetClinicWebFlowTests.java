package dev.replication.webapp;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic as its authors wrote it, with Spring Boot's defaults (open-in-view on) and not one
 * routing annotation, browsed and edited over HTTP: most of the database work must land on the
 * replicas, no page or form may fail, and every page after a form shows what was just saved.
 */
@SpringBootTest(classes = PetClinicApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RoutingTally.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PetClinicWebFlowTests {

	static final int LOOPS = 20;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		SharedCluster.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private RoutingTally routing;

	@Test
	void browsingAndEditingIsServedMostlyByReplicasWithoutAFailedRequest() throws Exception {
		WebFlowMeasurement measurement = WebFlowMeasurement.run(this.port, this.routing, "OpenInView", LOOPS,
				"open-in-view on");
		assertThat(measurement.failures()).isEmpty();
		assertThat(measurement.staleReads()).isEmpty();
		assertThat(measurement.replicaSharePercent()).isGreaterThan(60);
	}

}

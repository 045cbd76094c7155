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
 * The same flow as {@link PetClinicWebFlowTests} with {@code spring.jpa.open-in-view=false}, to
 * compare the replicas' share. The clinic's views read lazy associations, so an application that
 * turns open-in-view off must load them some other way: this one takes the smallest change,
 * Hibernate's {@code enable_lazy_load_no_trans} (each lazy load in a short session of its own,
 * outside any transaction).
 */
@SpringBootTest(classes = PetClinicApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.open-in-view=false",
				"spring.jpa.properties.hibernate.enable_lazy_load_no_trans=true" })
@Import(RoutingTally.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PetClinicWithoutOpenInViewWebFlowTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		SharedCluster.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private RoutingTally routing;

	@Test
	void browsingAndEditingWithoutOpenInViewHasNoFailedRequest() throws Exception {
		WebFlowMeasurement measurement = WebFlowMeasurement.run(this.port, this.routing, "NoOpenInView",
				PetClinicWebFlowTests.LOOPS, "open-in-view off");
		assertThat(measurement.failures()).isEmpty();
		assertThat(measurement.staleReads()).isEmpty();
	}

}

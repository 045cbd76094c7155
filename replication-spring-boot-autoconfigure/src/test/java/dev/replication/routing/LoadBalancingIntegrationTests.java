package dev.replication.routing;

import java.util.Map;
import java.util.TreeMap;

import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads spread over two real replicas with weights 1 and 2, counted by the server that answered.
 */
class LoadBalancingIntegrationTests {

	static Map<String, Integer> readsPerNode(ProbeService service, int reads) {
		Map<String, Integer> counts = new TreeMap<>();
		for (int i = 0; i < reads; i++) {
			ServedBy servedBy = service.readOnly();
			assertThat(servedBy.isReplica()).isTrue();
			counts.merge(servedBy.node(), 1, Integer::sum);
		}
		return counts;
	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "replication.load-balancing=round-robin")
	class RoundRobin {

		@DynamicPropertySource
		static void cluster(DynamicPropertyRegistry registry) {
			ClusterProperties.register(registry);
			// With the URLs: Spring Boot binds a list from one property source only.
			registry.add("replication.replicas[1].weight", () -> 2);
		}

		@Autowired
		private ProbeService service;

		@Test
		void roundRobinSpreadsReadsByWeight() {
			Map<String, Integer> counts = readsPerNode(this.service, 300);
			assertThat(counts.get("replica-1")).isCloseTo(100, within(5));
			assertThat(counts.get("replica-2")).isCloseTo(200, within(5));
		}

	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "replication.load-balancing=random")
	class Random {

		@DynamicPropertySource
		static void cluster(DynamicPropertyRegistry registry) {
			ClusterProperties.register(registry);
			// With the URLs: Spring Boot binds a list from one property source only.
			registry.add("replication.replicas[1].weight", () -> 2);
		}

		@Autowired
		private ProbeService service;

		@Test
		void randomSpreadsReadsByWeight() {
			Map<String, Integer> counts = readsPerNode(this.service, 1500);
			// Binomial(1500, 2/3): the standard deviation is about 18, these bounds are over 5 of them.
			assertThat(counts.get("replica-2")).isBetween(900, 1100);
			assertThat(counts.get("replica-1") + counts.get("replica-2")).isEqualTo(1500);
		}

	}

}

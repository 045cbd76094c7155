package dev.replication.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing state never leaks from one task of a pooled thread to the next: each {@code @Primary}
 * task writes (a statement in auto-commit on the primary), so a leak would keep the next
 * {@code @ReadOnly} task of its thread on the primary.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.read-your-writes.mode=window", "replication.read-your-writes.window=1h" })
class PooledThreadRoutingTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private ProbeService service;

	@Test
	void thousandAlternatingTasksOnFourPooledThreadsEachRunOnTheNodeTheyAskedFor() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				boolean primary = (i % 2 == 0);
				results.add(pool.submit(() -> {
					assertThat(RoutingContextHolder.isActive()).as("routing state left by an earlier task").isFalse();
					ServedBy servedBy = primary ? this.service.primary() : this.service.readOnly();
					return (servedBy.isPrimary() == primary) ? "ok"
							: "asked for " + (primary ? "the primary" : "a replica") + " but got " + servedBy;
				}));
			}
			List<String> wrong = new ArrayList<>();
			for (Future<String> result : results) {
				String outcome = result.get(60, TimeUnit.SECONDS);
				if (!outcome.equals("ok")) {
					wrong.add(outcome);
				}
			}
			assertThat(wrong).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

}

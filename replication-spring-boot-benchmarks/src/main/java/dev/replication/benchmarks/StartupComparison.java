package dev.replication.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long an application context takes to start with the starter (its auto-configuration,
 * health monitor included, over an embedded primary and two replicas) and with a plain
 * single-DataSource configuration of the same primary, started in turn in one JVM so that both
 * see the same machine.
 */
final class StartupComparison {

	private StartupComparison() {
	}

	/**
	 * Start each configuration {@code rounds} times, after {@code warmups} unmeasured rounds, and
	 * return the times in milliseconds: plain first, starter second.
	 */
	static long[][] run(int warmups, int rounds) {
		try (EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder().replicas(2).start()) {
			List<Long> plain = new ArrayList<>();
			List<Long> starter = new ArrayList<>();
			for (int i = 0; i < warmups + rounds; i++) {
				long plainMillis = start(plainProperties(cluster));
				long starterMillis = start(starterProperties(cluster));
				if (i >= warmups) {
					plain.add(plainMillis);
					starter.add(starterMillis);
				}
			}
			return new long[][] { sorted(plain), sorted(starter) };
		}
	}

	private static long[] sorted(List<Long> times) {
		Collections.sort(times);
		return times.stream().mapToLong(Long::longValue).toArray();
	}

	private static long start(String[] properties) {
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StartupApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.properties(properties)
			.run();
		long millis = (System.nanoTime() - started) / 1_000_000;
		context.close();
		return millis;
	}

	private static String[] plainProperties(EmbeddedReplicationCluster cluster) {
		return new String[] { "replication.enabled=false", "spring.datasource.url=" + cluster.primary().jdbcUrl(),
				"spring.datasource.username=" + cluster.primary().username() };
	}

	private static String[] starterProperties(EmbeddedReplicationCluster cluster) {
		List<String> properties = new ArrayList<>();
		properties.add("replication.primary.url=" + cluster.primary().jdbcUrl());
		properties.add("replication.primary.username=" + cluster.primary().username());
		List<ClusterNode> replicas = cluster.replicas();
		for (int i = 0; i < replicas.size(); i++) {
			properties.add("replication.replicas[" + i + "].name=" + replicas.get(i).name());
			properties.add("replication.replicas[" + i + "].url=" + replicas.get(i).jdbcUrl());
		}
		return properties.toArray(String[]::new);
	}

	/**
	 * The application: Spring Boot's auto-configuration and nothing else.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class StartupApplication {

	}

}

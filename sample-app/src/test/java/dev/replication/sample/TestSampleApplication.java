package dev.replication.sample;

import dev.replication.testcontainers.ReplicatedPostgreSQLContainers;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * The sample app in development on a PostgreSQL primary and two replicas in Docker containers
 * instead of the embedded cluster: run this class from the IDE, or
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}. The containers' connection details
 * replace the embedded cluster's, which then does not start.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(ReplicatedPostgres.class).run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReplicatedPostgres {

		@Bean
		@ServiceConnection
		ReplicatedPostgreSQLContainers postgres() {
			// postgres:17, or an image of the same contract where no registry is reachable (as in CI).
			String image = System.getenv().getOrDefault("REPLICATION_TESTCONTAINERS_IMAGE", "postgres:17");
			return new ReplicatedPostgreSQLContainers(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
				.withReplicas(2);
		}

	}

}

package dev.replication.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the container set checks before any container exists: no Docker engine needed.
 */
class ReplicatedPostgreSQLContainersTests {

	@Test
	void imageThatIsNotPostgresIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new ReplicatedPostgreSQLContainers("mysql:8"))
			.withMessageContaining("mysql:8");
	}

	@Test
	void imageDeclaredASubstituteForPostgresIsAccepted() {
		assertThatNoException().isThrownBy(() -> new ReplicatedPostgreSQLContainers(
				DockerImageName.parse("example/postgres:15").asCompatibleSubstituteFor("postgres")));
	}

	@Test
	void officialImageOfAnyVersionIsAccepted() {
		assertThatNoException().isThrownBy(() -> new ReplicatedPostgreSQLContainers("postgres:16-alpine"));
	}

	@Test
	void negativeReplicaCountIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplicatedPostgreSQLContainers().withReplicas(-1))
			.withMessageContaining("-1");
	}

}

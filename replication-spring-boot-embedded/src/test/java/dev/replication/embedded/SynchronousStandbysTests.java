package dev.replication.embedded;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SynchronousStandbys}.
 */
class SynchronousStandbysTests {

	@Test
	void settingIsAQuorumOfTheNamedNodesQuotedAsTheirApplicationNames() {
		List<ClusterNode> standbys = List.of(node("primary"), node("replica-2"));
		assertThat(SynchronousStandbys.setting(1, standbys)).isEqualTo("ANY 1 (\"primary\", \"replica-2\")");
	}

	@Test
	void builderRefusesMoreSynchronousStandbysThanReplicas() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedReplicationCluster.builder().replicas(1).synchronousStandbys(2).start())
			.withMessageContaining("synchronousStandbys (2) must not exceed replicas (1)");
	}

	private static ClusterNode node(String name) {
		return new ClusterNode(name, 5432, Path.of(name), Path.of(name + ".log"));
	}

}

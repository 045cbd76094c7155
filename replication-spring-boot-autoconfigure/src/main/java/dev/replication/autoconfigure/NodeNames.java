package dev.replication.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

/**
 * Node names: their defaults and the rule that they are unique, since pools, logs and routing
 * reports identify nodes by name.
 */
final class NodeNames {

	private NodeNames() {
	}

	static String primary(ReplicationProperties properties) {
		String name = properties.getPrimary().getName();
		return StringUtils.hasText(name) ? name : "primary";
	}

	static String replica(ReplicationProperties properties, int index) {
		String name = properties.getReplicas().get(index).getName();
		return StringUtils.hasText(name) ? name : "replica-" + (index + 1);
	}

	/**
	 * Return the index in {@code replication.replicas} of the replica called {@code name}, or -1.
	 */
	static int indexOfReplica(ReplicationProperties properties, String name) {
		for (int i = 0; i < properties.getReplicas().size(); i++) {
			if (replica(properties, i).equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Fail when two nodes share a name.
	 */
	static void checkUnique(ReplicationConnectionDetails details) {
		Map<String, String> seen = new HashMap<>();
		seen.put(details.getPrimary().name(), "replication.primary.name");
		List<ReplicationConnectionDetails.Node> replicas = details.getReplicas();
		for (int i = 0; i < replicas.size(); i++) {
			String property = "replication.replicas[" + i + "].name";
			String previous = seen.putIfAbsent(replicas.get(i).name(), property);
			if (previous != null) {
				throw new InvalidReplicationConfigurationException(property,
						"has the value [" + replicas.get(i).name() + "], already used by '" + previous + "'",
						"Give every node a unique name: set '" + property + "' to a name no other node has.");
			}
		}
	}

}

package dev.replication.embedded;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes a node commit synchronously: {@code synchronous_standby_names} set to a quorum of the
 * other nodes, so that a commit returns only once that many standbys have flushed its WAL.
 *
 * <p>The setting names every other node of the cluster by the {@code application_name} its
 * standby connection uses (its node name), a dead or former primary included: whichever of them
 * streams from this node counts, and one that is rebuilt as a replica counts again without
 * another change. With {@code synchronous_commit = on} a commit waits for the standby's flush, not
 * its replay, so a standby whose replay is paused still acknowledges commits.
 */
final class SynchronousStandbys {

	private SynchronousStandbys() {
	}

	/**
	 * Make {@code node}, primary or standby about to be promoted, wait for {@code count} of
	 * {@code others} on every commit it takes as a primary. A standby keeps the setting for when it
	 * is promoted; it has no effect before.
	 */
	static void require(ClusterNode node, int count, List<ClusterNode> others) {
		NodeSql.execute(node, "ALTER SYSTEM SET synchronous_standby_names = '" + setting(count, others) + "'");
		NodeSql.execute(node, "SELECT pg_reload_conf()");
	}

	/**
	 * Return the {@code synchronous_standby_names} value for a quorum of {@code count} of
	 * {@code standbys}: {@code ANY 1 ("replica-1", "replica-2")}.
	 */
	static String setting(int count, List<ClusterNode> standbys) {
		return "ANY " + count + " ("
				+ standbys.stream().map((node) -> '"' + node.name() + '"').collect(Collectors.joining(", ")) + ")";
	}

}

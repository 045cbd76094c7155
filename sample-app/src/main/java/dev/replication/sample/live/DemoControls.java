package dev.replication.sample.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The live page's demo controls: faults injected into the sample's own embedded cluster, so that
 * a visitor watches the router react. Demo only: they act on the PostgreSQL servers directly,
 * as an operator or a crash would, never through the starter, and exist only when the sample
 * runs on the embedded cluster.
 *
 * <p>Whether a replica's replay is paused is remembered here rather than asked of the server
 * on every poll of the page: only these controls pause it, and a restart or promotion ends a pause.
 */
@Component
class DemoControls {

	private static final Log logger = LogFactory.getLog(DemoControls.class);

	private final @Nullable EmbeddedReplicationCluster cluster;

	private final Set<String> paused = ConcurrentHashMap.newKeySet();

	DemoControls(ObjectProvider<EmbeddedReplicationCluster> cluster) {
		this.cluster = cluster.getIfAvailable();
	}

	/**
	 * Return whether the controls are available: the sample runs on the embedded cluster.
	 */
	boolean available() {
		return this.cluster != null;
	}

	/**
	 * Return what the embedded cluster knows of {@code name} and which actions apply to it now,
	 * or {@code null} without an embedded cluster or such a node.
	 */
	@Nullable NodeControls controls(String name) {
		EmbeddedReplicationCluster cluster = this.cluster;
		ClusterNode node = (cluster != null) ? find(cluster, name) : null;
		if (cluster == null || node == null) {
			return null;
		}
		boolean running = node.isRunning();
		boolean follower = cluster.replicas().contains(node);
		boolean paused = this.paused.contains(name);
		List<Action> actions = new ArrayList<>();
		if (running && follower) {
			actions.add(paused ? Action.RESUME : Action.PAUSE);
			actions.add(Action.PROMOTE);
		}
		actions.add(running ? Action.STOP : Action.START);
		if (node != cluster.primary() && !follower) {
			actions.add(Action.REBUILD);
		}
		return new NodeControls(running, node == cluster.primary(), follower, paused,
				actions.stream().map(Action::path).toList());
	}

	/**
	 * Apply {@code action} to the node called {@code name}, and wait until it is done.
	 * @throws IllegalStateException if the action does not apply to the node now
	 */
	void perform(String name, Action action) {
		NodeControls controls = controls(name);
		EmbeddedReplicationCluster cluster = this.cluster;
		if (cluster == null || controls == null || !controls.actions().contains(action.path())) {
			throw new IllegalStateException("'" + action.path() + "' does not apply to node [" + name + "] now");
		}
		ClusterNode node = cluster.node(name);
		logger.info(name + " - demo control: " + action.path());
		switch (action) {
			case PAUSE -> {
				cluster.pauseReplay(node);
				this.paused.add(name);
			}
			case RESUME -> {
				cluster.resumeReplay(node);
				this.paused.remove(name);
			}
			case STOP -> {
				cluster.stop(node);
				this.paused.remove(name);
			}
			case START -> cluster.start(node);
			case PROMOTE -> {
				cluster.promote(node);
				// Promotion ends the promoted node's recovery, and the others restart to follow it.
				this.paused.clear();
			}
			case REBUILD -> cluster.rebuildAsReplica(node);
		}
	}

	private static @Nullable ClusterNode find(EmbeddedReplicationCluster cluster, String name) {
		return cluster.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * A demo action on one node.
	 */
	enum Action {

		/** Pause WAL replay on a replica: its lag grows with every write. */
		PAUSE,

		/** Resume WAL replay on a replica. */
		RESUME,

		/** Stop a node at once, as a crash would. */
		STOP,

		/** Start a stopped node with its data. */
		START,

		/** Promote a replica to primary; the former primary follows no one. */
		PROMOTE,

		/** Turn a former primary into a replica of the current one, from a fresh base backup. */
		REBUILD;

		/**
		 * Return the action's name in URLs.
		 */
		String path() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Return the action called {@code path} in URLs, or {@code null} if there is none.
		 */
		static @Nullable Action of(String path) {
			for (Action action : values()) {
				if (action.path().equals(path)) {
					return action;
				}
			}
			return null;
		}

	}

	/**
	 * What the embedded cluster knows of one node.
	 *
	 * @param running whether its server runs
	 * @param primary whether the cluster made it the primary
	 * @param follower whether it replicates from the primary
	 * @param replayPaused whether a demo control paused its replay
	 * @param actions the actions that apply to it now, by URL name
	 */
	record NodeControls(boolean running, boolean primary, boolean follower, boolean replayPaused,
			List<String> actions) {
	}

}

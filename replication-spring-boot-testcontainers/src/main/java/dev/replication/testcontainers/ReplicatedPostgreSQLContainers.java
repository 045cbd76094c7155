package dev.replication.testcontainers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import dev.replication.testcontainers.PostgresImage.Credentials;

/**
 * A PostgreSQL primary with hot-standby replicas fed by streaming replication, each in a
 * container of the {@code postgres} image, on a Docker network of their own: the container set
 * a test declares, with {@code @ServiceConnection}, to get a routing {@code DataSource} over real
 * nodes. This container is the primary and owns its replicas' containers, which it starts after
 * itself (a base backup and a replication slot each) and stops with itself.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static ReplicatedPostgreSQLContainers postgres = new ReplicatedPostgreSQLContainers("postgres:17").withReplicas(2);
 * </pre>
 *
 * <p>Nodes are named {@code primary}, {@code replica-1}, {@code replica-2}, ..., as the routing
 * names them; the controls (pause and resume replay, stop and start, promote) take these names,
 * so that tests can make lag and failover happen.
 */
public class ReplicatedPostgreSQLContainers extends GenericContainer<ReplicatedPostgreSQLContainers> {

	private static final Log logger = LogFactory.getLog(ReplicatedPostgreSQLContainers.class);

	private static final String PRIMARY = "primary";

	private final DockerImageName image;

	private final Network network = Network.newNetwork();

	private int replicaCount = 2;

	private String username = "test";

	private String password = "test";

	private String databaseName = "test";

	private final List<ContainerNode> nodes = new ArrayList<>();

	private final Set<ContainerNode> followers = new HashSet<>();

	private volatile ContainerNode primary;

	/**
	 * Create a set from the official image, {@code postgres:17}.
	 */
	public ReplicatedPostgreSQLContainers() {
		this(PostgresImage.DEFAULT);
	}

	/**
	 * Create a set from {@code image}, {@code postgres} or an image declared its compatible
	 * substitute.
	 */
	public ReplicatedPostgreSQLContainers(String image) {
		this(DockerImageName.parse(image));
	}

	/**
	 * Create a set from {@code image}, {@code postgres} or an image declared its compatible
	 * substitute with {@link DockerImageName#asCompatibleSubstituteFor(String)}.
	 */
	public ReplicatedPostgreSQLContainers(DockerImageName image) {
		super(PostgresImage.check(image));
		this.image = image;
		withNetwork(this.network);
	}

	/**
	 * Specify how many replicas follow the primary. Default is 2.
	 */
	public ReplicatedPostgreSQLContainers withReplicas(int replicas) {
		if (replicas < 0) {
			throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
		}
		this.replicaCount = replicas;
		return self();
	}

	/**
	 * Specify the login user, the database owner. Default is {@code test}.
	 */
	public ReplicatedPostgreSQLContainers withUsername(String username) {
		this.username = username;
		return self();
	}

	/**
	 * Specify the login password. Default is {@code test}.
	 */
	public ReplicatedPostgreSQLContainers withPassword(String password) {
		this.password = password;
		return self();
	}

	/**
	 * Specify the database every node serves. Default is {@code test}.
	 */
	public ReplicatedPostgreSQLContainers withDatabaseName(String databaseName) {
		this.databaseName = databaseName;
		return self();
	}

	@Override
	protected void configure() {
		if (!this.nodes.isEmpty()) {
			return;
		}
		Credentials credentials = new Credentials(this.username, this.password, this.databaseName);
		Set<Integer> ports = new HashSet<>();
		ContainerNode primary = new ContainerNode(PRIMARY, this, ports, credentials);
		PostgresImage.configurePrimary(this, PRIMARY, credentials);
		this.nodes.add(primary);
		for (int i = 1; i <= this.replicaCount; i++) {
			GenericContainer<?> container = new GenericContainer<>(this.image).withNetwork(this.network);
			ContainerNode replica = new ContainerNode("replica-" + i, container, ports, credentials);
			PostgresImage.configureReplica(container, replica.name(), PRIMARY, replica.slotName(), credentials);
			this.nodes.add(replica);
			this.followers.add(replica);
		}
		this.primary = primary;
	}

	@Override
	protected void containerIsStarted(InspectContainerResponse containerInfo) {
		try {
			this.primary.started();
			List<ContainerNode> replicas = replicaNodes();
			for (ContainerNode replica : replicas) {
				// Before the base backups start: a slot made by one backup while another checkpoints may
				// come too late to keep the WAL its backup needs.
				Standbys.createSlot(this.primary, replica);
			}
			Startables.deepStart(replicas.stream().map(ContainerNode::container)).join();
			replicas.forEach(ContainerNode::started);
			logger.info("Started " + this.nodes);
		}
		catch (RuntimeException ex) {
			// Testcontainers does not stop a container whose start failed, and Ryuk may be off:
			// leave no primary, replica or network behind.
			try {
				stop();
			}
			catch (RuntimeException stopFailure) {
				ex.addSuppressed(stopFailure);
			}
			throw ex;
		}
	}

	@Override
	public void stop() {
		RuntimeException failure = null;
		for (ContainerNode node : this.nodes) {
			if (node.container() != this) {
				try {
					node.container().stop();
				}
				catch (RuntimeException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
		}
		try {
			super.stop();
		}
		finally {
			this.network.close();
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Return every node's name, the primary's first, replicas in creation order.
	 */
	public List<String> getNodeNames() {
		return this.nodes.stream().map(ContainerNode::name).toList();
	}

	/**
	 * Return the name of the current primary: {@code primary} until a replica is
	 * {@linkplain #promote promoted}.
	 */
	public String getPrimaryName() {
		return this.primary.name();
	}

	/**
	 * Return the names of the nodes that follow the current primary, in creation order.
	 */
	public synchronized List<String> getReplicaNames() {
		return replicaNodes().stream().map(ContainerNode::name).toList();
	}

	/**
	 * Return the JDBC URL of the node {@code name}, on the Docker host; it stays the same when
	 * the node is stopped and started.
	 */
	public String getJdbcUrl(String name) {
		return node(name).jdbcUrl();
	}

	/**
	 * Return the login user of every node.
	 */
	public String getUsername() {
		return this.username;
	}

	/**
	 * Return the login password of every node.
	 */
	public String getPassword() {
		return this.password;
	}

	/**
	 * Return the database every node serves.
	 */
	public String getDatabaseName() {
		return this.databaseName;
	}

	/**
	 * Pause WAL replay on the replica {@code name} and wait until it is paused: from then on it
	 * sees no new writes of the primary, a lag that grows until {@link #resumeReplay}.
	 */
	public void pauseReplay(String name) {
		Standbys.pauseReplay(node(name));
	}

	/**
	 * Resume WAL replay on the replica {@code name}.
	 */
	public void resumeReplay(String name) {
		Standbys.resumeReplay(node(name));
	}

	/**
	 * Wait until every running replica has replayed the primary's current WAL position.
	 */
	public void awaitReplication() {
		Standbys.awaitReplayed(this.primary, replicaNodes());
	}

	/**
	 * Stop the container of the node {@code name} as {@code docker stop} does; its data is kept.
	 */
	public synchronized void stopNode(String name) {
		node(name).stop();
		logger.info(name + " - stopped");
	}

	/**
	 * Start the stopped node {@code name} again with its data, at the same JDBC URL, and wait
	 * until it serves.
	 */
	public synchronized void startNode(String name) {
		node(name).start();
		logger.info(name + " - started");
	}

	/**
	 * Promote the running replica {@code name} to primary and point the other running replicas
	 * at it, each through a slot of its own on it. The former primary, stopped or not, follows no
	 * one afterwards.
	 */
	public synchronized void promote(String name) {
		ContainerNode replica = node(name);
		if (!this.followers.contains(replica) || !replica.isRunning()) {
			throw new IllegalArgumentException(name + " is not a running replica");
		}
		Standbys.promote(replica);
		ContainerNode former = this.primary;
		this.primary = replica;
		this.followers.remove(replica);
		for (ContainerNode follower : replicaNodes()) {
			if (follower.isRunning()) {
				Standbys.follow(replica, follower);
			}
		}
		logger.info(name + " - promoted to primary; " + former.name() + " follows no one");
	}

	private synchronized List<ContainerNode> replicaNodes() {
		return this.nodes.stream().filter(this.followers::contains).toList();
	}

	private ContainerNode node(String name) {
		return this.nodes.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node named '" + name + "' in " + getNodeNames()));
	}

}

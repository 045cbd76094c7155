package dev.replication.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for a PostgreSQL primary and its read replicas.
 *
 * <p>The {@code hikari} groups are bound here for validation and IDE completion; each node's
 * pool is then configured from {@code replication.hikari.*} and overridden by its own
 * {@code hikari.*}.
 */
@ConfigurationProperties("replication")
public class ReplicationProperties {

	/**
	 * Whether to route reads to replicas and writes to the primary through one DataSource.
	 */
	private boolean enabled = true;

	/**
	 * The primary, which takes every write.
	 */
	private final Node primary = new Node();

	/**
	 * The read replicas, in the order the load balancer takes them.
	 */
	private List<Replica> replicas = new ArrayList<>();

	/**
	 * How reads are spread over the replicas: 'round-robin' or 'random', both honouring weights.
	 */
	private String loadBalancing = "round-robin";

	/**
	 * Pool settings applied to every node, before each node's own.
	 */
	@NestedConfigurationProperty
	private final HikariConfig hikari = new HikariConfig();

	/**
	 * Whether reads go to the primary when no replica is healthy; when false they fail with a
	 * NoReplicaAvailableException.
	 */
	private boolean fallbackToPrimary = true;

	/**
	 * Read-your-writes: how a caller's reads are kept from data older than its writes, and where
	 * a caller's writes are remembered.
	 */
	private final ReadYourWrites readYourWrites = new ReadYourWrites();

	/**
	 * Health checks of the nodes, and the limits that take them out of rotation.
	 */
	private final Health health = new Health();

	/**
	 * How Spring Data repository methods are routed.
	 */
	private final Repositories repositories = new Repositories();

	/**
	 * How long a write waits for a primary when the primary dies or none is known.
	 */
	private final Failover failover = new Failover();

	/**
	 * An embedded primary with replicas, for development.
	 */
	private final Embedded embedded = new Embedded();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Node getPrimary() {
		return this.primary;
	}

	public List<Replica> getReplicas() {
		return this.replicas;
	}

	public void setReplicas(List<Replica> replicas) {
		this.replicas = replicas;
	}

	public String getLoadBalancing() {
		return this.loadBalancing;
	}

	public void setLoadBalancing(String loadBalancing) {
		this.loadBalancing = loadBalancing;
	}

	public HikariConfig getHikari() {
		return this.hikari;
	}

	public boolean isFallbackToPrimary() {
		return this.fallbackToPrimary;
	}

	public void setFallbackToPrimary(boolean fallbackToPrimary) {
		this.fallbackToPrimary = fallbackToPrimary;
	}

	public Health getHealth() {
		return this.health;
	}

	public Failover getFailover() {
		return this.failover;
	}

	public ReadYourWrites getReadYourWrites() {
		return this.readYourWrites;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * A database node.
	 */
	public static class Node {

		/**
		 * Name of the node, used for its pool, in logs and in routing reports. Default is
		 * 'primary' for the primary and 'replica-N' for the Nth replica.
		 */
		private String name;

		/**
		 * JDBC URL of the node.
		 */
		private String url;

		/**
		 * Login username. A replica's defaults to the primary's.
		 */
		private String username;

		/**
		 * Login password. A replica's defaults to the primary's.
		 */
		private String password;

		/**
		 * Pool settings of this node, overriding 'replication.hikari.*'.
		 */
		@NestedConfigurationProperty
		private final HikariConfig hikari = new HikariConfig();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public HikariConfig getHikari() {
			return this.hikari;
		}

	}

	/**
	 * A read replica.
	 */
	public static class Replica extends Node {

		/**
		 * Share of the reads this replica takes relative to the others.
		 */
		private int weight = 1;

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

	}

	/**
	 * Read-your-writes settings.
	 */
	public static class ReadYourWrites {

		/**
		 * How a caller's reads are kept from older data than it wrote: 'lsn' (a replica that has
		 * replayed the caller's writes, else the primary), 'window' (the primary for a fixed time
		 * after a write) or 'none'.
		 */
		private String mode = "lsn";

		/**
		 * In window mode, how long reads stay on the primary after a write in the same request
		 * (or, outside a request, the same outermost routed call). Zero turns read-your-writes off.
		 */
		private Duration window = Duration.ofSeconds(2);

		/**
		 * In lsn mode, how long a read may wait for the chosen replica to replay the caller's
		 * writes before it goes to the primary instead. Zero does not wait.
		 */
		private Duration maxWait = Duration.ZERO;

		/**
		 * Whether, in lsn mode, what a caller has read also holds its later reads back from older
		 * data, even if it wrote nothing; costs a position query on each read connection.
		 */
		private boolean monotonicReads;

		/**
		 * Where a caller's writes are remembered: 'request' (the HTTP request, else the
		 * thread's outermost routed call), 'session' (the HTTP session, across the user's
		 * requests) or 'cookie' (a signed cookie, across requests and application instances).
		 */
		private String scope = "request";

		/**
		 * The cookie of the 'cookie' scope.
		 */
		private final Cookie cookie = new Cookie();

		public String getMode() {
			return this.mode;
		}

		public void setMode(String mode) {
			this.mode = mode;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public boolean isMonotonicReads() {
			return this.monotonicReads;
		}

		public void setMonotonicReads(boolean monotonicReads) {
			this.monotonicReads = monotonicReads;
		}

		public String getScope() {
			return this.scope;
		}

		public void setScope(String scope) {
			this.scope = scope;
		}

		public Cookie getCookie() {
			return this.cookie;
		}

	}

	/**
	 * The signed cookie that carries a caller's writes in the 'cookie' scope.
	 */
	public static class Cookie {

		/**
		 * Name of the cookie.
		 */
		private String name = "replication-token";

		/**
		 * Key the cookie is signed with (HMAC-SHA256), at least 32 characters and the same on
		 * every application instance. Required with the 'cookie' scope.
		 */
		private String secret;

		/**
		 * How long a cookie is kept and trusted after the write it records.
		 */
		private Duration maxAge = Duration.ofMinutes(5);

		/**
		 * Whether the cookie is only sent over HTTPS. Unset to mark it so when the request came
		 * over HTTPS.
		 */
		private Boolean secure;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Boolean getSecure() {
			return this.secure;
		}

		public void setSecure(Boolean secure) {
			this.secure = secure;
		}

	}

	/**
	 * Health checks of the nodes and the limits that take them out of rotation.
	 */
	public static class Health {

		/**
		 * Time between two checks of a node.
		 */
		private Duration interval = Duration.ofSeconds(1);

		/**
		 * A replica further behind the primary than this serves no reads.
		 */
		private Duration maxLag = Duration.ofSeconds(10);

		/**
		 * A replica with more WAL than this still to replay serves no reads. Unset for no limit.
		 */
		private DataSize maxLagBytes;

		/**
		 * Failed checks in a row after which a node is marked down.
		 */
		private int failureThreshold = 2;

		/**
		 * Good checks in a row after which a node that was down serves again.
		 */
		private int recoveryThreshold = 2;

		/**
		 * Longest wait to connect to a node, for health checks and as the default connection
		 * timeout of every pool, so that a dead node costs the first request at most this long.
		 */
		private Duration connectTimeout = Duration.ofSeconds(1);

		/**
		 * Health status the 'replication' indicator reports while a primary takes writes but a
		 * configured replica is out of rotation (down, lagging or lag unknown), such as
		 * DEGRADED. A status other than Spring Boot's own counts in the aggregate status only
		 * once listed in 'management.endpoint.health.status.order'.
		 */
		private String replicaOutStatus = "UP";

		/**
		 * Whether the 'replication' health indicator joins Spring Boot's readiness probe group,
		 * unless 'management.endpoint.health.group.readiness.include' lists the group's members.
		 */
		private boolean readiness = true;

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getMaxLag() {
			return this.maxLag;
		}

		public void setMaxLag(Duration maxLag) {
			this.maxLag = maxLag;
		}

		public DataSize getMaxLagBytes() {
			return this.maxLagBytes;
		}

		public void setMaxLagBytes(DataSize maxLagBytes) {
			this.maxLagBytes = maxLagBytes;
		}

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public int getRecoveryThreshold() {
			return this.recoveryThreshold;
		}

		public void setRecoveryThreshold(int recoveryThreshold) {
			this.recoveryThreshold = recoveryThreshold;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public String getReplicaOutStatus() {
			return this.replicaOutStatus;
		}

		public void setReplicaOutStatus(String replicaOutStatus) {
			this.replicaOutStatus = replicaOutStatus;
		}

		public boolean isReadiness() {
			return this.readiness;
		}

		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

	}

	/**
	 * Spring Data repository settings.
	 */
	public static class Repositories {

		/**
		 * Whether Spring Data repository query methods that only read (derived find/count/exists
		 * queries, @Query without @Modifying) run as if annotated @ReadOnly, and derived deletes,
		 * @Modifying and @Procedure methods as if annotated @Primary.
		 */
		private boolean readOnlyQueries = true;

		public boolean isReadOnlyQueries() {
			return this.readOnlyQueries;
		}

		public void setReadOnlyQueries(boolean readOnlyQueries) {
			this.readOnlyQueries = readOnlyQueries;
		}

	}

	/**
	 * Failover settings: how long a caller that needs the primary waits for one.
	 */
	public static class Failover {

		/**
		 * Longest wait of a call that needs the primary, when none is known or its connection
		 * fails, for the health monitor to see one (a promoted replica, or the primary back), before
		 * it fails with a NoPrimaryAvailableException. Zero fails at once.
		 */
		private Duration maxWait = Duration.ofSeconds(5);

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Embedded cluster settings, for development.
	 */
	public static class Embedded {

		/**
		 * Whether to start an embedded PostgreSQL primary with replicas when no primary URL is
		 * configured. Needs replication-spring-boot-embedded on the class path.
		 */
		private boolean enabled;

		/**
		 * Number of replicas of the embedded cluster.
		 */
		private int replicas = 2;

		/**
		 * Port of the embedded primary; replica N listens on this port plus N. Zero picks free
		 * ports.
		 */
		private int port;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getReplicas() {
			return this.replicas;
		}

		public void setReplicas(int replicas) {
			this.replicas = replicas;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

}

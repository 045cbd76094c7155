package dev.replication.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import dev.replication.testcontainers.PostgresImage.Credentials;

/**
 * One node of the set: its container, its name (also its host name on the containers' network)
 * and a host port of its own that survives a stop and a start, so that the JDBC URL handed to the
 * application stays right.
 */
final class ContainerNode {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private final String name;

	private final GenericContainer<?> container;

	private final int hostPort;

	private final Credentials credentials;

	private volatile boolean running;

	ContainerNode(String name, GenericContainer<?> container, Set<Integer> takenPorts, Credentials credentials) {
		this.name = name;
		this.container = container;
		this.credentials = credentials;
		this.hostPort = freePort(takenPorts);
		ExposedPort port = ExposedPort.tcp(PostgresImage.PORT);
		container.withNetworkAliases(name);
		container.withCreateContainerCmdModifier((command) -> {
			command.withExposedPorts(port);
			command.getHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindPort(this.hostPort), port));
		});
		container.waitingFor(new AbstractWaitStrategy() {
			@Override
			protected void waitUntilReady() {
				NodeSql.awaitReady(ContainerNode.this, READY_TIMEOUT);
			}
		});
	}

	private static int freePort(Set<Integer> takenPorts) {
		while (true) {
			try (ServerSocket socket = new ServerSocket(0)) {
				if (takenPorts.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	String name() {
		return this.name;
	}

	GenericContainer<?> container() {
		return this.container;
	}

	Credentials credentials() {
		return this.credentials;
	}

	/**
	 * Return the name of its replication slot on the primary it follows.
	 */
	String slotName() {
		return this.name.replace('-', '_');
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + this.container.getHost() + ":" + this.hostPort + "/"
				+ this.credentials.database();
	}

	boolean isRunning() {
		return this.running;
	}

	void started() {
		this.running = true;
	}

	/**
	 * Stop the container as {@code docker stop} does (the image's stop signal, a fast shutdown
	 * for PostgreSQL), keeping its data.
	 */
	void stop() {
		if (this.running) {
			this.running = false;
			this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).withTimeout(10).exec();
		}
	}

	/**
	 * Start the stopped container again, on the same host port, and wait until it serves.
	 */
	void start() {
		if (!this.running) {
			this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
			NodeSql.awaitReady(this, READY_TIMEOUT);
			this.running = true;
		}
	}

	@Override
	public String toString() {
		return this.name + " (" + jdbcUrl() + ")";
	}

}

package dev.replication.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OrphanWatchdog}: a JVM killed with SIGKILL runs no shutdown hook, yet leaves
 * no postgres process and no directory behind.
 */
class OrphanWatchdogTests {

	@Test
	void serversOfAKilledJvmAreStoppedAndTheirDirectoryDeleted() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ClusterInChildJvm.class.getName())
			.redirectErrorStream(true)
			.start();
		String ready = awaitReadyLine(child);
		String[] parts = ready.split(" ");
		Path directory = Path.of(parts[1]);
		List<Long> postmasters = Arrays.stream(parts, 2, parts.length).map(Long::valueOf).toList();
		assertThat(postmasters).hasSize(2).allMatch((pid) -> ProcessHandle.of(pid).isPresent());

		child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((postmasters.stream().anyMatch((pid) -> ProcessHandle.of(pid).isPresent()) || Files.exists(directory))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(postmasters).noneMatch((pid) -> ProcessHandle.of(pid).isPresent());
		assertThat(directory).doesNotExist();
	}

	private static String awaitReadyLine(Process child) throws Exception {
		BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder output = new StringBuilder();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("READY ")) {
				// Keep draining the child's output so that it never blocks on a full pipe.
				Thread drain = new Thread(() -> reader.lines().forEach((ignored) -> { }));
				drain.setDaemon(true);
				drain.start();
				return line;
			}
			output.append(line).append('\n');
		}
		throw new AssertionError("The child JVM exited before its cluster was ready:\n" + output);
	}

}

package dev.replication.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A tiny shell process that outlives the JVM if the JVM is killed (a shutdown hook does not run
 * on {@code kill -9} or when a test fork is torn down): it waits for the JVM to disappear, then
 * stops every server of the cluster and deletes the cluster's directory. No postgres is ever
 * left behind.
 */
final class OrphanWatchdog {

	private static final Log logger = LogFactory.getLog(OrphanWatchdog.class);

	private final Process process;

	private OrphanWatchdog(Process process) {
		this.process = process;
	}

	/**
	 * Start watching, or return {@code null} where there is no POSIX shell.
	 */
	static OrphanWatchdog start(Path clusterDirectory, List<Path> dataDirectories) {
		if (System.getProperty("os.name").toLowerCase().contains("win")) {
			return null;
		}
		String pidFiles = dataDirectories.stream()
			.map((directory) -> "'" + directory.resolve("postmaster.pid") + "'")
			.collect(Collectors.joining(" "));
		// SIGQUIT is PostgreSQL's immediate shutdown: the postmaster stops its children and exits.
		String script = """
				while kill -0 %d 2>/dev/null; do sleep 1; done
				pids=$(head -q -n 1 %s 2>/dev/null)
				for pid in $pids; do kill -QUIT "$pid" 2>/dev/null; done
				for i in 1 2 3 4 5 6 7 8 9 10; do
				  alive=0; for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
				  [ "$alive" = 0 ] && break; sleep 1
				done
				rm -rf '%s'
				""".formatted(ProcessHandle.current().pid(), pidFiles, clusterDirectory);
		try {
			Path file = clusterDirectory.resolve("watchdog.sh");
			Files.writeString(file, script, StandardCharsets.UTF_8);
			// In a session of its own, so that a Ctrl-C sent to the JVM's process group spares it.
			List<String> command = Files.isExecutable(Path.of("/usr/bin/setsid"))
					? List.of("/usr/bin/setsid", "sh", file.toString()) : List.of("sh", file.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return new OrphanWatchdog(process);
		}
		catch (IOException ex) {
			logger.warn("Could not start the watchdog that stops the cluster if this JVM is killed", ex);
			return null;
		}
	}

	void stop() {
		this.process.destroy();
	}

}

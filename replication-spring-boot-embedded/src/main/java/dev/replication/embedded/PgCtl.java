package dev.replication.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code initdb} and {@code pg_ctl} on one data directory and waits for them, turning a
 * failure into an exception that carries what the program and the server log said.
 */
final class PgCtl {

	static final String SUPERUSER = "postgres";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final PostgresBinaries binaries;

	PgCtl(PostgresBinaries binaries) {
		this.binaries = binaries;
	}

	/**
	 * Create a new database cluster in {@code dataDirectory} with a trusted superuser, and append
	 * {@code settings} to its {@code postgresql.conf}.
	 */
	void initdb(Path dataDirectory, String settings) {
		// -N: the directory is thrown away with the cluster, so skip the fsync of every file.
		run(null, this.binaries.command("initdb", "-D", dataDirectory.toString(), "-U", SUPERUSER, "-A", "trust",
				"-E", "UTF8", "--no-locale", "-N"));
		try {
			Files.writeString(dataDirectory.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the server on {@code port} and wait until it accepts connections (for a standby: until
	 * it has reached a consistent state and accepts read-only connections).
	 */
	void start(Path dataDirectory, int port, Path logFile) {
		run(logFile, this.binaries.command("pg_ctl", "start", "-w", "-t", String.valueOf(TIMEOUT.toSeconds()), "-D",
				dataDirectory.toString(), "-l", logFile.toString(), "-o", "-p " + port));
	}

	/**
	 * Stop the server: {@code immediate} aborts every process like a crash, {@code fast} shuts
	 * down cleanly.
	 */
	void stop(Path dataDirectory, String mode) {
		run(null, this.binaries.command("pg_ctl", "stop", "-w", "-t", String.valueOf(TIMEOUT.toSeconds()), "-D",
				dataDirectory.toString(), "-m", mode));
	}

	private void run(Path logFile, List<String> command) {
		try {
			Path output = Files.createTempFile("pg-ctl", ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().put("LC_ALL", "C");
				Process process = builder.start();
				if (!process.waitFor(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("Timed out: " + String.join(" ", command));
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("Failed (exit " + process.exitValue() + "): "
							+ String.join(" ", command) + "\n" + Files.readString(output) + tail(logFile));
				}
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + String.join(" ", command), ex);
		}
	}

	private static String tail(Path logFile) throws IOException {
		if (logFile == null || !Files.exists(logFile)) {
			return "";
		}
		List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
		return "Server log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

}

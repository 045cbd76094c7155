package dev.replication.testcontainers;

import org.testcontainers.utility.DockerImageName;

/**
 * The image the tests run: the official {@code postgres:17} unless
 * {@code replication.testcontainers.image} (system property) or
 * {@code REPLICATION_TESTCONTAINERS_IMAGE} names another, as CI does for the image it builds
 * without a registry.
 */
final class TestImages {

	private TestImages() {
	}

	static DockerImageName postgres() {
		String image = System.getProperty("replication.testcontainers.image",
				System.getenv("REPLICATION_TESTCONTAINERS_IMAGE"));
		if (image == null || image.isBlank()) {
			return DockerImageName.parse("postgres:17");
		}
		return DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
	}

}

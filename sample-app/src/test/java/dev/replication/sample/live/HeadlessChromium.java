package dev.replication.sample.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's {@code chromium}, driven headless through Debian's {@code chromedriver}: both named
 * explicitly, so that Selenium never asks Selenium Manager for a driver or a browser (nothing is
 * downloaded), and started with the flags that keep Chromium itself off the network. Each
 * instance has a fresh profile, deleted on {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Return why the browser cannot run on this machine, or {@code null} if it can.
	 */
	static String missing() {
		for (Path executable : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(executable)) {
				return executable + " is not installed (Debian packages 'chromium' and 'chromium-driver';"
						+ " .ci/run installs them)";
			}
		}
		return null;
	}

	/**
	 * Start a browser whose window is {@code width} by {@code height} pixels.
	 */
	static HeadlessChromium start(int width, int height) throws IOException {
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile = Files.createTempDirectory("live-page-chromium");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withSilent(true)
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		try {
			return new HeadlessChromium(profile, new ChromeDriver(service, options));
		}
		catch (RuntimeException ex) {
			FileSystemUtils.deleteRecursively(profile);
			throw ex;
		}
	}

	/**
	 * Return the driver of this browser.
	 */
	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

}

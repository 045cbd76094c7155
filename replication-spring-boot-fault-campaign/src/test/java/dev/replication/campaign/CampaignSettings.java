package dev.replication.campaign;

import java.security.SecureRandom;
import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

/**
 * How a campaign runs: from the system properties {@code campaign.duration} (of faults, per
 * replication mode: {@code 5s} by default, {@code 600s} for a long run; the first three faults,
 * one of each kind, always run to their end) and {@code campaign.seed} (random by default,
 * printed, so that a failing run can be replayed), and the bounds the checker holds the starter
 * to.
 *
 * @param duration how long faults are injected, per mode
 * @param seed the seed of the fault schedule and of the clients' choices
 * @param clients how many client threads call the application
 * @param maxWait how long a write waits for a primary while there is none
 * ({@code replication.failover.max-wait})
 * @param connectTimeout the longest wait to connect to a node ({@code replication.health.connect-timeout})
 * @param margin what a loaded 2-core machine adds to a call's expected worst case
 * @param recoveryBound how soon writes must resume after a promotion, and a replica serve after it
 * recovers
 */
record CampaignSettings(Duration duration, long seed, int clients, Duration maxWait, Duration connectTimeout,
		Duration margin, Duration recoveryBound) {

	private static final long DEFAULT_SEED = new SecureRandom().nextLong();

	static CampaignSettings fromSystemProperties() {
		String duration = System.getProperty("campaign.duration");
		String seed = System.getProperty("campaign.seed");
		return new CampaignSettings(
				StringUtils.hasText(duration) ? DurationStyle.detectAndParse(duration) : Duration.ofSeconds(5),
				StringUtils.hasText(seed) ? Long.parseLong(seed.trim()) : DEFAULT_SEED, 8, Duration.ofSeconds(2),
				Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3));
	}

	/**
	 * Return the longest a call may take: a write waiting out a primary's absence, then one
	 * connection attempt that times out, and the margin.
	 */
	Duration callBound() {
		return this.maxWait.plus(this.connectTimeout).plus(this.margin);
	}

	/**
	 * Return how long a client waits for one operation (a write and the read of it, each fast
	 * unless the write waits out a failover) before it records that it stopped waiting.
	 */
	Duration operationDeadline() {
		return callBound().plusSeconds(1);
	}

}

package dev.replication.sample.live;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.replication.sample.post.FeedService;
import dev.replication.sample.post.PostService;
import dev.replication.sample.user.ProfileService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background traffic for the live page, so that its read/write split moves: every
 * {@value #TICK_MILLIS} ms one feed and one profile are read (replicas) and every fifth time a
 * post is published (the primary), through the application's own services. On when
 * {@code sample.load.enabled} is set, which the sample's configuration does and its tests do not;
 * the page switches it on and off.
 */
@Component
class LoadGenerator {

	static final long TICK_MILLIS = 200;

	private static final Log logger = LogFactory.getLog(LoadGenerator.class);

	private static final int USERS = 3;

	private final FeedService feeds;

	private final ProfileService profiles;

	private final PostService posts;

	private final AtomicBoolean enabled;

	private long ticks;

	private volatile @Nullable String lastError;

	LoadGenerator(FeedService feeds, ProfileService profiles, PostService posts,
			@Value("${sample.load.enabled:false}") boolean enabled) {
		this.feeds = feeds;
		this.profiles = profiles;
		this.posts = posts;
		this.enabled = new AtomicBoolean(enabled);
	}

	/**
	 * Return whether the load runs.
	 */
	boolean isEnabled() {
		return this.enabled.get();
	}

	/**
	 * Specify whether the load runs.
	 */
	void setEnabled(boolean enabled) {
		this.enabled.set(enabled);
		if (!enabled) {
			this.lastError = null;
		}
	}

	/**
	 * Return the last failure of the load's requests while it ran, {@code null} if none since
	 * its last round with a write succeeded: what a visitor sees while a demo control has taken
	 * the primary away.
	 */
	@Nullable String getLastError() {
		return this.lastError;
	}

	@Scheduled(fixedDelay = TICK_MILLIS)
	void tick() {
		if (!this.enabled.get()) {
			return;
		}
		long user = 1 + ThreadLocalRandom.current().nextInt(USERS);
		boolean write = this.ticks++ % 5 == 0;
		try {
			// Each call is a caller of its own: outside a request, read-your-writes lasts for one
			// routed call, so the reads below go to replicas even right after a write.
			if (write) {
				this.posts.publish(user, "Background post at " + Instant.now());
			}
			this.feeds.feed(user);
			this.profiles.profile(user);
			if (write) {
				// Only a full round clears the failure: reads alone succeed without a primary.
				this.lastError = null;
			}
		}
		catch (RuntimeException ex) {
			// Expected while a demo control has stopped a node: shown on the page, not logged each tick.
			this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (logger.isDebugEnabled()) {
				logger.debug("load - " + this.lastError);
			}
		}
	}

}

package dev.replication.context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoutingContextHolder}.
 */
class RoutingContextHolderTests {

	@AfterEach
	void nothingLeftOnTheThread() {
		assertThat(RoutingContextHolder.isActive()).isFalse();
	}

	@Test
	void innerDeclarationTakesEffectAndOuterIsRestored() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.Frame inner = RoutingContextHolder.enter(null);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.READ_ONLY);
		RoutingContextHolder.exit(inner);
		RoutingContextHolder.Frame primary = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(primary);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.READ_ONLY);
		RoutingContextHolder.exit(outer);
		assertThat(RoutingContextHolder.currentIntent()).isNull();
	}

	@Test
	void primaryIsKeptByEverythingNestedInside() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		RoutingContextHolder.Frame inner = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(inner);
		RoutingContextHolder.exit(outer);
	}

	@Test
	void threadWriteHistoryIsSharedByNestedCallsAndForgottenByTheOutermostExit() {
		assertThat(RoutingContextHolder.writeHistory(true)).as("no scope outside a routed call").isNull();
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(null);
		RoutingContextHolder.Frame inner = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.writeHistory(true).recordWrite();
		RoutingContextHolder.exit(inner);
		assertThat(RoutingContextHolder.writeHistory(false).hasWritten()).isTrue();
		RoutingContextHolder.exit(outer);
		RoutingContextHolder.Frame next = RoutingContextHolder.enter(null);
		assertThat(RoutingContextHolder.writeHistory(false)).isNull();
		RoutingContextHolder.exit(next);
	}

	@Test
	void callRestoresTheContextWhenTheTaskThrows() throws Exception {
		try {
			RoutingContextHolder.call(RoutingIntent.PRIMARY, () -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the holder must still be clean
		}
		assertThat(RoutingContextHolder.call(RoutingIntent.READ_ONLY, RoutingContextHolder::currentIntent))
			.isEqualTo(RoutingIntent.READ_ONLY);
	}

}

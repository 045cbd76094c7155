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
	void nestedCallsThatChangeNothingLeaveTheirCallerInPlace() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.Frame same = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.Frame nothing = RoutingContextHolder.enter(null);
		RoutingContextHolder.Frame primary = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		RoutingContextHolder.Frame insidePrimary = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(insidePrimary);
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(primary);
		RoutingContextHolder.exit(nothing);
		RoutingContextHolder.exit(same);
		assertThat(RoutingContextHolder.isActive()).isTrue();
		assertThat(RoutingContextHolder.currentIntent()).isEqualTo(RoutingIntent.READ_ONLY);
		RoutingContextHolder.exit(outer);
	}

	@Test
	void outermostCallsOfTheSameIntentOnTwoThreadsKeepTheirOwnWrites() throws Exception {
		RoutingContextHolder.Frame frame = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		try {
			RoutingContextHolder.writeHistory(true).recordWrite();
			boolean[] otherSawWrites = new boolean[2];
			Thread other = new Thread(() -> {
				RoutingContextHolder.Frame otherFrame = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
				try {
					otherSawWrites[0] = RoutingContextHolder.writeHistory(false) != null;
					RoutingContextHolder.writeHistory(true);
				}
				finally {
					RoutingContextHolder.exit(otherFrame);
				}
				otherSawWrites[1] = RoutingContextHolder.isActive();
			});
			other.start();
			other.join(10_000);
			assertThat(otherSawWrites).containsExactly(false, false);
			assertThat(RoutingContextHolder.writeHistory(false).hasWritten()).isTrue();
		}
		finally {
			RoutingContextHolder.exit(frame);
		}
	}

	@Test
	void frameExitedAfterItsOutermostCallLeavesNothingOnTheThread() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(null);
		RoutingContextHolder.Frame inner = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.exit(outer);
		RoutingContextHolder.exit(inner);
		assertThat(RoutingContextHolder.isActive()).isFalse();
		assertThat(RoutingContextHolder.writeHistory(true)).isNull();
	}

	@Test
	void exitUnwindsFramesEnteredInsideAndNeverExited() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(null);
		RoutingContextHolder.Frame readOnly = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(readOnly);
		assertThat(RoutingContextHolder.isActive()).isTrue();
		assertThat(RoutingContextHolder.currentIntent()).isNull();
		RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		RoutingContextHolder.exit(outer);
		assertThat(RoutingContextHolder.isActive()).isFalse();
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

package dev.replication.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReadYourWrites} over the thread scope.
 */
class ReadYourWritesTests {

	private final WriteHistoryScope scope = new ThreadWriteHistoryScope();

	private final ReadYourWrites readYourWrites = new ReadYourWrites(this.scope);

	private final ConsistencyToken token = ConsistencyToken.of(4242, 1000);

	@Test
	void currentTokenIsNoneOutsideAnyScope() {
		assertThat(this.readYourWrites.currentToken()).isSameAs(ConsistencyToken.NONE);
	}

	@Test
	void runStartsFromTheTokenAndClearsTheThreadAfterwards() {
		ReadYourWrites.run(this.token, () -> assertThat(this.readYourWrites.currentToken()).isEqualTo(this.token));
		assertThat(RoutingContextHolder.isActive()).isFalse();
		assertThat(this.readYourWrites.currentToken()).isSameAs(ConsistencyToken.NONE);
	}

	@Test
	void runClearsTheThreadWhenTheTaskFails() {
		assertThatIllegalStateException().isThrownBy(() -> ReadYourWrites.run(this.token, () -> {
			throw new IllegalStateException("failed");
		}));
		assertThat(RoutingContextHolder.isActive()).isFalse();
	}

	@Test
	void writesInAHandedOffTaskAreItsOwnAndDoNotFlowBack() throws Exception {
		ConsistencyToken later = ConsistencyToken.of(9999, 2000);
		ConsistencyToken caller = ReadYourWrites.call(this.token, () -> {
			Runnable task = this.readYourWrites.wrap(() -> {
				this.scope.current(true).advance(later);
				assertThat(this.readYourWrites.currentToken()).isEqualTo(later);
			});
			runOnAnotherThread(task);
			return this.readYourWrites.currentToken();
		});
		assertThat(caller).isEqualTo(this.token);
	}

	@Test
	void advanceBringsATaskTokenBackToTheCaller() throws Exception {
		ConsistencyToken later = ConsistencyToken.of(9999, 2000);
		ConsistencyToken caller = ReadYourWrites.call(this.token, () -> {
			this.readYourWrites.advance(later);
			return this.readYourWrites.currentToken();
		});
		assertThat(caller).isEqualTo(later);
	}

	@Test
	void wrappedTaskCarriesTheCallersTokenToAnotherThread() throws Exception {
		ConsistencyToken[] seen = new ConsistencyToken[1];
		ReadYourWrites.run(this.token, () -> runOnAnotherThread(
				this.readYourWrites.wrap(() -> {
					seen[0] = this.readYourWrites.currentToken();
				})));
		assertThat(seen[0]).isEqualTo(this.token);
	}

	@Test
	void handOffInsideARoutedCallAdvancesThatCallsHistory() {
		RoutingContextHolder.Frame outer = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		try {
			ReadYourWrites.run(this.token, () -> assertThat(RoutingContextHolder.currentIntent())
				.isEqualTo(RoutingIntent.READ_ONLY));
			assertThat(this.readYourWrites.currentToken()).isEqualTo(this.token);
		}
		finally {
			RoutingContextHolder.exit(outer);
		}
		assertThat(RoutingContextHolder.isActive()).isFalse();
	}

	private static void runOnAnotherThread(Runnable task) {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			executor.submit(task).get(10, TimeUnit.SECONDS);
			assertThat(executor.submit(RoutingContextHolder::isActive).get(10, TimeUnit.SECONDS)).isFalse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

}

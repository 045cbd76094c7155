package dev.replication.context;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReadYourWritesThreadLocalAccessor}.
 */
class ReadYourWritesThreadLocalAccessorTests {

	private final ReadYourWrites readYourWrites = new ReadYourWrites(new ThreadWriteHistoryScope());

	private final ReadYourWritesThreadLocalAccessor accessor = new ReadYourWritesThreadLocalAccessor(
			this.readYourWrites);

	@Test
	void setValueOpensAFrameStartingFromTheTokenAndRestoreClosesIt() {
		ConsistencyToken token = ConsistencyToken.of(77, 1);
		this.accessor.setValue(token);
		assertThat(this.accessor.getValue()).isEqualTo(token);
		this.accessor.restore(ConsistencyToken.NONE);
		assertThat(RoutingContextHolder.isActive()).isFalse();
	}

	@Test
	void clearingGivesAFrameOfItsOwnAndRestoreClosesIt() {
		this.accessor.setValue();
		assertThat(RoutingContextHolder.isActive()).isTrue();
		assertThat(this.accessor.getValue()).isSameAs(ConsistencyToken.NONE);
		this.accessor.restore();
		assertThat(RoutingContextHolder.isActive()).isFalse();
	}

}

package dev.replication.context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionWriteHistoryScope}: what the session holds as the token moves.
 */
class SessionWriteHistoryScopeTests {

	private final SessionWriteHistoryScope scope = new SessionWriteHistoryScope();

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void tokenPlacedInALaterRequestReplacesTheUnplacedOneInTheSession() {
		inNewRequest();
		this.scope.current(true).recordUnplacedWrite();
		assertThat(stored().isUnplaced()).isTrue();

		inNewRequest();
		WriteHistory history = this.scope.current(false);
		history.place(500, System.nanoTime());
		assertThat(stored().isUnplaced()).as("placed, not merged into the unplaced copy").isFalse();
		assertThat(stored().position()).isEqualTo(500);
	}

	@Test
	void writeAnotherRequestStoredMeanwhileIsNotPlacedByThisOne() {
		inNewRequest();
		this.scope.current(true).recordUnplacedWrite();
		inNewRequest();
		WriteHistory history = this.scope.current(false);
		long readAt = System.nanoTime();
		// Another request of the same user writes after the position below was read.
		this.request.getSession().setAttribute(SessionWriteHistoryScope.SESSION_ATTRIBUTE,
				stored().merge(ConsistencyToken.unplaced(System.currentTimeMillis(), System.nanoTime() + 1)));
		history.place(500, readAt);
		assertThat(stored().isUnplaced()).isTrue();
	}

	private void inNewRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request));
		this.request.removeAttribute(RequestWriteHistoryScope.ATTRIBUTE);
	}

	private ConsistencyToken stored() {
		return (ConsistencyToken) this.request.getSession().getAttribute(SessionWriteHistoryScope.SESSION_ATTRIBUTE);
	}

}

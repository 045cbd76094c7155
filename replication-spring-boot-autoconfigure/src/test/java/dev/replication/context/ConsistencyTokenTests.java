package dev.replication.context;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsistencyToken}.
 */
class ConsistencyTokenTests {

	@Test
	void unplacedWriteIsPlacedOnlyByAPositionReadAfterItReturned() {
		ConsistencyToken token = ConsistencyToken.of(100, 1).merge(ConsistencyToken.unplaced(2, 5_000));
		assertThat(token.isUnplaced()).isTrue();
		assertThat(token.position()).isEqualTo(100);
		assertThat(token.placeableBy(4_999)).isFalse();
		assertThat(token.placeableBy(5_000)).isTrue();
		ConsistencyToken placed = token.placedAt(300);
		assertThat(placed.isUnplaced()).isFalse();
		assertThat(placed.position()).isEqualTo(300);
		assertThat(placed.writtenAt()).isEqualTo(2);
		assertThat(token.placedAt(50).position()).as("a token never moves back").isEqualTo(100);
	}

	@Test
	void placedPositionNeverCoversAWriteUnplaced() {
		ConsistencyToken placed = ConsistencyToken.of(1_000, 9);
		ConsistencyToken unplaced = ConsistencyToken.unplaced(2, 5_000);
		ConsistencyToken merged = placed.merge(unplaced);
		assertThat(merged).isNotSameAs(placed);
		assertThat(merged.isUnplaced()).isTrue();
		assertThat(merged.position()).isEqualTo(1_000);
		assertThat(merged.writtenAt()).isEqualTo(9);
	}

	@Test
	void twoUnplacedWritesNeedAPositionReadAfterTheLaterOne() {
		ConsistencyToken earlier = ConsistencyToken.unplaced(1, 5_000);
		ConsistencyToken later = ConsistencyToken.unplaced(2, 7_000);
		assertThat(earlier.merge(later)).isSameAs(later);
		assertThat(later.merge(earlier)).isSameAs(later);
		assertThat(earlier.merge(later).placeableBy(6_000)).isFalse();
		assertThat(earlier.merge(later).placeableBy(7_000)).isTrue();
	}

	@Test
	void tokenReceivedUnplacedIsPlacedByAPositionReadAfterItArrived() {
		long beforeArrival = System.nanoTime();
		ConsistencyToken received = ConsistencyToken.received(100, 1, true);
		assertThat(received.placeableBy(beforeArrival)).isFalse();
		assertThat(received.placeableBy(System.nanoTime())).isTrue();
		assertThat(ConsistencyToken.received(100, 1, false).isUnplaced()).isFalse();
	}

	@Test
	void tokenReadBackFromASerializedSessionArrivesNowAndStaysUnplaced() throws Exception {
		ConsistencyToken written = ConsistencyToken.of(100, 1).merge(ConsistencyToken.unplaced(2, System.nanoTime()));
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
			out.writeObject(written);
		}
		long beforeArrival = System.nanoTime();
		ConsistencyToken read;
		try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
				new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
			read = (ConsistencyToken) in.readObject();
		}
		assertThat(read).isEqualTo(written);
		assertThat(read.isUnplaced()).isTrue();
		assertThat(read.placeableBy(beforeArrival)).isFalse();
		assertThat(read.placeableBy(System.nanoTime())).isTrue();
	}

	@Test
	void placedTokensKeepTheHigherPositionAndTheLaterWrite() {
		ConsistencyToken a = ConsistencyToken.of(100, 5);
		ConsistencyToken b = ConsistencyToken.of(200, 3);
		ConsistencyToken merged = a.merge(b);
		assertThat(merged.position()).isEqualTo(200);
		assertThat(merged.writtenAt()).isEqualTo(5);
		assertThat(merged.merge(a)).isSameAs(merged);
	}

}

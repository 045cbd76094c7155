package dev.replication.sample.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.sample.live.DemoControls.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DemoControls} on an embedded cluster of their own (the promotion changes it
 * for good, so the context is closed afterwards): each control changes what the starter's health
 * monitor sees, and only the controls that apply to a node are offered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "sample.load.enabled=false")
@DirtiesContext
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoControlsTests {

	// Generous for a loaded 2-core machine: the monitor checks every second.
	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	private DemoControls demo;

	@Autowired
	private ReplicationTopology topology;

	@Test
	void stoppedReplicaLeavesRotationAndAPromotedOneTakesTheWritesWhileTheFormerPrimaryIsFencedThenRebuilt() {
		assertThat(this.demo.controls("primary").actions()).containsExactly("stop");
		assertThat(this.demo.controls("replica-1").actions()).containsExactly("pause", "promote", "stop");
		assertThatIllegalStateException().isThrownBy(() -> this.demo.perform("primary", Action.PROMOTE))
			.withMessage("'promote' does not apply to node [primary] now");

		this.demo.perform("replica-1", Action.STOP);
		assertThat(this.demo.controls("replica-1").actions()).containsExactly("start");
		await("replica-1 down, out of rotation",
				(view) -> !view.node("replica-1").up() && !view.readable().contains("replica-1"));
		this.demo.perform("replica-1", Action.START);
		await("replica-1 back in rotation", (view) -> view.readable().contains("replica-1"));

		this.demo.perform("replica-2", Action.PROMOTE);
		await("replica-2 takes the writes, primary fenced",
				(view) -> "replica-2".equals(view.primary()) && view.fenced(view.node("primary")));
		assertThat(this.demo.controls("primary").actions()).containsExactly("stop", "rebuild");
		assertThat(this.demo.controls("replica-2").actions()).containsExactly("stop");

		this.demo.perform("primary", Action.REBUILD);
		await("the former primary serves reads as a standby", (view) -> view.node("primary").role() == NodeRole.STANDBY
				&& view.readable().contains("primary"));
		assertThat(this.demo.controls("primary").actions()).containsExactly("pause", "promote", "stop");
	}

	private void await(String what, Predicate<ClusterView> condition) {
		long started = System.nanoTime();
		long deadline = started + WAIT.toNanos();
		while (!condition.test(this.topology.getView())) {
			assertThat(System.nanoTime()).as("%s within %s; last view: %s", what, WAIT, this.topology.getView())
				.isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		System.out.println("MEASURED demo controls: " + what + " seen after "
				+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
	}

}

package dev.replication.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * One call of a transactional service method through each {@link Setups setup}, over pools whose
 * connections cost nothing: what is left is Spring's transaction handling, the pool, and (for
 * the starter) the routing layer, whose cost is the difference to the other setups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingLayerBenchmark {

	@Param({ Setups.PLAIN_HIKARI, Setups.LAZY_PROXY, Setups.STARTER })
	public String setup;

	private AnnotationConfigApplicationContext context;

	private QueryService service;

	@Setup
	public void start() {
		this.context = Setups.start(this.setup, new NoopNodes());
		this.service = this.context.getBean(QueryService.class);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public long readOnlyTransaction() {
		return this.service.readInReadOnlyTransaction();
	}

	@Benchmark
	public long readWriteTransaction() {
		return this.service.writeInTransaction();
	}

	@Benchmark
	public long readOnlyOutsideTransaction() {
		return this.service.readOutsideTransaction();
	}

	@Benchmark
	public long threeReadsOutsideTransaction() {
		return this.service.readThreeOutsideTransaction();
	}

}

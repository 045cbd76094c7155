package dev.replication.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.replication.context.RoutingContextHolder;

/**
 * The campaign's clients: threads that write rows, read back the row they just wrote and read
 * rows, in a seeded random mix, recording every call. Each operation runs on a worker thread of
 * its client, so that the client can stop waiting at its deadline, as a caller with a request
 * timeout would: it records that, leaves the operation to finish on its own (its calls then record
 * how long they really took) and goes on with a new worker.
 */
final class Clients implements AutoCloseable {

	private static final long PAUSE_MILLIS = 2;

	private final CampaignWrites writes;

	private final CampaignReads reads;

	private final Map<Integer, String> nodesByPort;

	private final Duration deadline;

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final List<Thread> drivers = new ArrayList<>();

	private final Queue<ExecutorService> workers = new ConcurrentLinkedQueue<>();

	private volatile boolean running = true;

	Clients(int count, long seed, CampaignWrites writes, CampaignReads reads, Map<Integer, String> nodesByPort,
			Duration deadline) {
		this.writes = writes;
		this.reads = reads;
		this.nodesByPort = nodesByPort;
		this.deadline = deadline;
		for (int i = 0; i < count; i++) {
			int client = i + 1;
			Thread driver = daemon(() -> drive(client, new Random(seed * 31 + client)), "campaign-client-" + client);
			this.drivers.add(driver);
			driver.start();
		}
	}

	/**
	 * Stop the clients, give the operations under way, abandoned ones included, some time to end,
	 * and return every call made.
	 */
	List<Call> stop() throws InterruptedException {
		this.running = false;
		long deadline = System.nanoTime() + this.deadline.multipliedBy(3).toNanos();
		for (Thread driver : this.drivers) {
			driver.join(remainingMillis(deadline));
		}
		for (ExecutorService worker : this.workers) {
			worker.shutdown();
			if (!worker.awaitTermination(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
				worker.shutdownNow();
			}
		}
		return new ArrayList<>(this.calls);
	}

	private static long remainingMillis(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private void drive(int client, Random random) {
		long seq = 0;
		long lastWritten = 0;
		ExecutorService worker = newWorker(client);
		while (this.running) {
			int choice = random.nextInt(10);
			boolean transaction = random.nextBoolean();
			if (choice < 6) {
				long id = ((long) client << 40) | ++seq;
				long clientSeq = seq;
				boolean readBack = choice < 4;
				Future<Call> operation = worker.submit(() -> writeThenReadBack(client, id, clientSeq, readBack, transaction));
				Call written = await(client, Call.Kind.WRITE, id, operation);
				if (written != null && written.ok()) {
					lastWritten = id;
				}
				worker = operation.isDone() ? worker : abandon(worker, client);
			}
			else {
				long id = lastWritten;
				Future<Call> operation = worker.submit(() -> call(client, Call.Kind.READ, id, () -> read(id, transaction)));
				await(client, Call.Kind.READ, id, operation);
				worker = operation.isDone() ? worker : abandon(worker, client);
			}
			pause();
		}
		worker.shutdown();
	}

	private ExecutorService newWorker(int client) {
		ExecutorService worker = Executors.newSingleThreadExecutor((task) -> daemon(task, "campaign-call-" + client));
		this.workers.add(worker);
		return worker;
	}

	/**
	 * Leave {@code worker} to finish the operation the client stopped waiting for, and return a new one.
	 */
	private ExecutorService abandon(ExecutorService worker, int client) {
		worker.shutdown();
		return newWorker(client);
	}

	/**
	 * Write a row and, if asked, read it back in the same routed scope, as one request of an
	 * application would (an outer routed method or a web request gives the same scope).
	 */
	private Call writeThenReadBack(int client, long id, long seq, boolean readBack, boolean transaction) {
		RoutingContextHolder.Frame scope = RoutingContextHolder.enter(null);
		try {
			Call write = call(client, Call.Kind.WRITE, id, () -> this.writes.insert(id, client, seq));
			if (write.ok() && readBack) {
				call(client, Call.Kind.READ_YOUR_WRITE, id, () -> read(id, transaction));
			}
			return write;
		}
		finally {
			RoutingContextHolder.exit(scope);
		}
	}

	private Served read(long id, boolean transaction) {
		return transaction ? this.reads.readOnlyTransaction(id) : this.reads.readOnly(id);
	}

	private Call call(int client, Call.Kind kind, long id, Supplier<Served> action) {
		long started = System.nanoTime();
		Call call;
		try {
			Served served = action.get();
			boolean missing = kind == Call.Kind.READ_YOUR_WRITE && !served.found();
			call = new Call(client, kind, started, System.nanoTime(), node(served.port()), served.inRecovery(),
					missing ? Call.Outcome.MISSING : Call.Outcome.OK, null, id);
		}
		catch (RuntimeException ex) {
			call = new Call(client, kind, started, System.nanoTime(), null, false, Call.Outcome.FAILED,
					Call.describe(ex), id);
		}
		this.calls.add(call);
		return call;
	}

	/**
	 * Wait for an operation until the deadline; past it, record that the client stopped waiting.
	 */
	private Call await(int client, Call.Kind kind, long id, Future<Call> operation) {
		long started = System.nanoTime();
		try {
			return operation.get(this.deadline.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			this.calls.add(new Call(client, kind, started, System.nanoTime(), null, false, Call.Outcome.DEADLINE,
					"no answer within " + this.deadline.toMillis() + " ms", id));
			return null;
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
			return null;
		}
	}

	private String node(int port) {
		return this.nodesByPort.getOrDefault(port, "port " + port);
	}

	private void pause() {
		try {
			Thread.sleep(PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}

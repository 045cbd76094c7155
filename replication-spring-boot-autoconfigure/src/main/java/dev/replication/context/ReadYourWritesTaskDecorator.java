package dev.replication.context;

import org.springframework.core.task.TaskDecorator;

/**
 * Runs each task of a Spring executor or scheduler with the token of the code that submitted it
 * ({@link ReadYourWrites#wrap(Runnable)}), in a routing frame of its own: an {@code @Async}
 * method reads what its caller wrote, a scheduled run remembers its own writes for its own later
 * reads, and nothing is left on the pooled thread for its next task.
 *
 * <p>Spring Boot composes every {@link TaskDecorator} bean into the executors and schedulers it
 * builds, so this one works alongside the application's own.
 */
public class ReadYourWritesTaskDecorator implements TaskDecorator {

	private final ReadYourWrites readYourWrites;

	/**
	 * Create a decorator that hands tokens over through {@code readYourWrites}.
	 */
	public ReadYourWritesTaskDecorator(ReadYourWrites readYourWrites) {
		this.readYourWrites = readYourWrites;
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		return this.readYourWrites.wrap(runnable);
	}

}

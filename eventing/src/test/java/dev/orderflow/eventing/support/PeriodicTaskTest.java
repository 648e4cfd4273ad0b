package dev.orderflow.eventing.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a periodic task lets the round in progress finish without interrupting it (an
 * interrupt inside an embedded H2 database closes it under every request still served)
 * and runs no round after it; a round that fails does not end the schedule.
 */
class PeriodicTaskTest {

	@Test
	void stopWaitsForTheRoundInProgressWithoutInterruptingItAndRunsNoMore() throws InterruptedException {
		CountDownLatch inRound = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean finished = new AtomicBoolean();
		AtomicInteger rounds = new AtomicInteger();
		PeriodicTask task = new EveryTenMilliseconds() {

			@Override
			protected void runRound() {
				if (rounds.incrementAndGet() > 1) {
					return;
				}
				inRound.countDown();
				long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
				while (System.nanoTime() < end) {
					if (Thread.currentThread().isInterrupted()) {
						interrupted.set(true);
						return;
					}
					Thread.onSpinWait();
				}
				finished.set(true);
			}

		};
		task.start();
		assertThat(inRound.await(5, TimeUnit.SECONDS)).isTrue();

		task.stop();

		assertThat(interrupted).as("round interrupted").isFalse();
		assertThat(finished).as("round finished before stop() returned").isTrue();
		assertThat(task.isRunning()).isFalse();
		int afterStop = rounds.get();
		Thread.sleep(100);
		assertThat(rounds.get()).as("rounds after stop").isEqualTo(afterStop);
	}

	@Test
	void aRoundThatThrowsIsFollowedByTheNextOne() throws InterruptedException {
		CountDownLatch threeRounds = new CountDownLatch(3);
		AtomicInteger afterFailures = new AtomicInteger();
		PeriodicTask task = new EveryTenMilliseconds() {

			@Override
			protected void runRound() {
				threeRounds.countDown();
				throw new IllegalStateException("the database is away");
			}

			@Override
			protected void afterFailedRound() {
				afterFailures.incrementAndGet();
			}

		};
		task.start();
		try {
			assertThat(threeRounds.await(5, TimeUnit.SECONDS)).as("three rounds, each failing").isTrue();
			assertThat(task.isRunning()).isTrue();
		}
		finally {
			task.stop();
		}
		assertThat(afterFailures.get()).isGreaterThanOrEqualTo(2);
	}

	/** A task whose rounds follow each other 10 ms apart. */
	private abstract static class EveryTenMilliseconds extends PeriodicTask {

		EveryTenMilliseconds() {
			super("test-task", "Test task");
		}

		@Override
		protected Duration interval() {
			return Duration.ofMillis(10);
		}

	}

}

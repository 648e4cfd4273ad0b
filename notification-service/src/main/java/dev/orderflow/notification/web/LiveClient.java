package dev.orderflow.notification.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's stream: a bounded queue of frames, filled by whoever produces updates,
 * and one sender that drains it into the {@link SseEmitter}.
 *
 * <p>
 * Only the sender writes to the emitter, and only it completes the emitter when the
 * stream is ended from this side: {@code SseEmitter} holds its write lock for the whole
 * of a send, so any other thread that sends to or completes a client that stopped reading
 * would block behind it. Offering a frame never blocks; a client that has fallen a whole
 * buffer behind is refused the frame and the caller decides what to do (end it).
 */
final class LiveClient implements Runnable {

	// Wakes a sender waiting on an empty queue once the client is ended; never sent.
	private static final Set<DataWithMediaType> WAKE_UP = Set.of();

	private final SseEmitter emitter;

	private final BlockingQueue<Set<DataWithMediaType>> frames;

	private final Consumer<LiveClient> onEnd;

	private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

	/**
	 * @param emitter the stream to write to
	 * @param buffer how many frames may wait for the sender
	 * @param onEnd run on the sender thread once it writes no more
	 */
	LiveClient(SseEmitter emitter, int buffer, Consumer<LiveClient> onEnd) {
		this.emitter = emitter;
		this.frames = new ArrayBlockingQueue<>(buffer);
		this.onEnd = onEnd;
	}

	/**
	 * Queues a frame for the sender, without waiting.
	 * @param frame an event, built once and shared by every client
	 * @return {@code false} when the buffer is full (the client is not keeping up) or the
	 * client has ended
	 */
	boolean offer(Set<DataWithMediaType> frame) {
		return this.state.get() == State.OPEN && this.frames.offer(frame);
	}

	/**
	 * Ends the stream from this side, without waiting: frames still queued are discarded
	 * and the sender completes the emitter as soon as it is free (at once, unless a send
	 * is stuck on a client that stopped reading; then when the container gives up on that
	 * write).
	 * @return {@code false} when the client had already ended
	 */
	boolean disconnect() {
		return end(State.DISCONNECTED);
	}

	/**
	 * The container finished the stream (the client went away, the timeout, or an error):
	 * the sender stops without touching the emitter again.
	 */
	void gone() {
		end(State.GONE);
	}

	private boolean end(State how) {
		if (!this.state.compareAndSet(State.OPEN, how)) {
			return false;
		}
		this.frames.clear();
		this.frames.offer(WAKE_UP);
		return true;
	}

	@Override
	public void run() {
		try {
			while (true) {
				Set<DataWithMediaType> frame = this.frames.take();
				State now = this.state.get();
				if (now != State.OPEN) {
					if (now == State.DISCONNECTED) {
						this.emitter.complete();
					}
					return;
				}
				this.emitter.send(frame);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the emitter completed): the container completes
			// the stream.
			gone();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.onEnd.accept(this);
		}
	}

	private enum State {

		OPEN,
		/** Ended by this side: the sender completes the emitter. */
		DISCONNECTED,
		/** Ended by the container or a failed send: nothing more to write. */
		GONE

	}

}

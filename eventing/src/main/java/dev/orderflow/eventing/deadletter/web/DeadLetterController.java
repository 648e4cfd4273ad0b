package dev.orderflow.eventing.deadletter.web;

import java.util.List;

import dev.orderflow.eventing.deadletter.DeadLetter;
import dev.orderflow.eventing.deadletter.DeadLetterAlreadyReplayedException;
import dev.orderflow.eventing.deadletter.DeadLetterNotFoundException;
import dev.orderflow.eventing.deadletter.DeadLetters;
import dev.orderflow.eventing.deadletter.DeadLettersUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dead-letters} on every service: list this service's dead letters, replay
 * one, or replay all that were not replayed yet. Failures are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

	private final DeadLetters deadLetters;

	public DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	public List<DeadLetter> list() {
		return this.deadLetters.list();
	}

	@PostMapping("/{id}/replay")
	public ResponseEntity<DeadLetter> replay(@PathVariable String id) {
		return ResponseEntity.accepted().body(this.deadLetters.replay(id));
	}

	@PostMapping("/replay")
	public ResponseEntity<ReplayedAll> replayAll() {
		return ResponseEntity.accepted().body(new ReplayedAll(this.deadLetters.replayAll()));
	}

	@ExceptionHandler
	ProblemDetail notFound(DeadLetterNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Dead letter not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail alreadyReplayed(DeadLetterAlreadyReplayedException ex) {
		return problem(HttpStatus.CONFLICT, "Dead letter already replayed", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(DeadLettersUnavailableException ex) {
		log.warn("Dead-letter request failed: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The answer of a replay of all dead letters.
	 *
	 * @param replayed how many dead letters were replayed
	 */
	public record ReplayedAll(int replayed) {
	}

}

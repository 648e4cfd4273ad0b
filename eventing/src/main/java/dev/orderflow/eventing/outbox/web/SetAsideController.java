package dev.orderflow.eventing.outbox.web;

import java.util.List;

import dev.orderflow.eventing.outbox.SetAsideEvent;
import dev.orderflow.eventing.outbox.SetAsideEvents;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dead-letters/set-aside}: the events this service's outbox set aside
 * because they can never be published, oldest first, with the reason. Beside the
 * dead-letter topics' records, because both want an operator; not replayable, because the
 * order they belong to was closed when they were set aside.
 */
@RestController
@RequestMapping("/api/dead-letters/set-aside")
public class SetAsideController {

	private static final int MAX_LIMIT = 1000;

	private final SetAsideEvents setAside;

	public SetAsideController(SetAsideEvents setAside) {
		this.setAside = setAside;
	}

	@GetMapping
	public List<SetAsideEvent> list(@RequestParam(defaultValue = "100") int limit) {
		return this.setAside.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
	}

}

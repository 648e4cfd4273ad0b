package dev.orderflow.notification.web;

import java.util.List;

import dev.orderflow.notification.Notification;
import dev.orderflow.notification.Notifications;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The notifications API: what customers were told, and a live stream of it.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final Notifications notifications;

	private final LiveUpdates liveUpdates;

	NotificationController(Notifications notifications, LiveUpdates liveUpdates) {
		this.notifications = notifications;
		this.liveUpdates = liveUpdates;
	}

	@GetMapping
	List<Notification> list(@RequestParam(required = false) @Size(min = 1, max = 100) String orderId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return (orderId != null) ? this.notifications.latestOf(orderId, limit) : this.notifications.latest(limit);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.liveUpdates.subscribe();
	}

}

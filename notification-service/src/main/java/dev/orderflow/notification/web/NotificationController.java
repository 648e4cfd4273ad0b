package dev.orderflow.notification.web;

import java.util.List;

import dev.orderflow.notification.Notification;
import dev.orderflow.notification.Notifications;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.orderflow.eventing.security.Caller;
import dev.orderflow.notification.owner.OrderOwners;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

	private final OrderOwners owners;

	NotificationController(Notifications notifications, LiveUpdates liveUpdates, OrderOwners owners) {
		this.notifications = notifications;
		this.liveUpdates = liveUpdates;
		this.owners = owners;
	}

	@GetMapping
	List<Notification> list(@RequestParam(required = false) @Size(min = 1, max = 100) String orderId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, @AuthenticationPrincipal Jwt token) {
		Caller caller = Caller.of(token);
		if (orderId != null) {
			// another customer's order has no notifications for this caller, as if it did
			// not exist
			boolean visible = caller.operator() || this.owners.ownerOf(orderId).map(caller.id()::equals).orElse(false);
			return visible ? this.notifications.latestOf(orderId, limit) : List.of();
		}
		return caller.operator() ? this.notifications.latest(limit)
				: this.notifications.latestForCustomer(caller.id(), limit);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal Jwt token) {
		return this.liveUpdates.subscribe(Caller.of(token));
	}

}

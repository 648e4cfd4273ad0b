package dev.orderflow.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.NotificationType;
import dev.orderflow.notification.Notifications;
import dev.orderflow.notification.owner.OrderOwners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(NotificationController.class)
@Import(NotificationAccess.class)
class NotificationControllerTest {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Notifications notifications;

	@MockitoBean
	private LiveUpdates liveUpdates;

	@MockitoBean
	private OrderOwners owners;

	@Test
	void aCustomerSeesTheNotificationsOfTheirOwnOrdersOnly() {
		given(this.notifications.latestForCustomer("c-2", 100)).willReturn(List.of(notification("ord-9")));
		given(this.owners.ownerOf("ord-1")).willReturn(java.util.Optional.of("c-1"));

		assertThat(this.mvc.get().uri("/api/notifications").with(customer("c-2"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].orderId")
			.isEqualTo("ord-9");
		assertThat(this.mvc.get().uri("/api/notifications?orderId=ord-1").with(customer("c-2"))).hasStatusOk()
			.bodyText()
			.isEqualTo("[]");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor customer(String id) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
			.jwt((token) -> token.subject(id).claim("roles", List.of("customer")))
			.authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_customer"));
	}

	@Test
	void listsTheNotificationsOfAnOrder() {
		given(this.notifications.latestOf("ord-1", 100)).willReturn(List.of(notification("ord-1")));

		assertThat(this.mvc.get().uri("/api/notifications?orderId=ord-1")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].subject")
			.isEqualTo("Order ord-1 confirmed");
	}

	@Test
	void listsTheLatestNotificationsWithTheGivenLimit() {
		given(this.notifications.latest(5)).willReturn(List.of(notification("ord-2")));

		assertThat(this.mvc.get().uri("/api/notifications?limit=5")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].orderId")
			.isEqualTo("ord-2");
	}

	@Test
	void rejectsALimitAboveTheMaximumAsAProblem() {
		assertThat(this.mvc.get().uri("/api/notifications?limit=1001")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("limit");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void rejectsALimitBelowOneAsAProblem() {
		assertThat(this.mvc.get().uri("/api/notifications?limit=0")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("limit");
	}

	@Test
	void rejectsALimitThatIsNotANumberAsAProblem() {
		assertThat(this.mvc.get().uri("/api/notifications?limit=many")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("limit");
	}

	private static Notification notification(String orderId) {
		return new Notification(1L, UUID.randomUUID(), orderId, NotificationType.ORDER_CONFIRMED, "ada@example.com",
				"Order " + orderId + " confirmed", "body", NotificationStatus.SENT, null,
				Instant.parse("2025-03-14T09:26:53Z"));
	}

}

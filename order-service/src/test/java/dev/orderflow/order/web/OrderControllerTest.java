package dev.orderflow.order.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderLine;
import dev.orderflow.order.OrderNotFoundException;
import dev.orderflow.order.OrderService;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.idempotency.IdempotencyKeyReusedException;
import dev.orderflow.order.idempotency.IdempotentOrderPlacement;
import dev.orderflow.order.idempotency.IdempotentOrderPlacement.Placement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrderController.class)
class OrderControllerTest {

	private static final String VALID = """
			{"customerId":"c-1","customerEmail":"c-1@example.com","lines":[{"sku":"SKU-1","quantity":2}]}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orderService;

	@MockitoBean
	IdempotentOrderPlacement idempotentPlacement;

	@Test
	void placesAnOrderAndPointsToIt() throws Exception {
		Order order = order();
		given(this.orderService.place("c-1", "c-1@example.com", List.of(new OrderLine("SKU-1", 2)))).willReturn(order);

		placing(VALID).andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/orders/" + order.id()))
			.andExpect(jsonPath("$.orderId").value(order.id().toString()))
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void namesEveryInvalidField() throws Exception {
		placing("""
				{"customerId":" ","customerEmail":"not-an-email","lines":[{"sku":"","quantity":0},{"sku":"SKU-2","quantity":1001}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors", hasSize(5)))
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("customerId", "customerEmail", "lines[0].sku",
							"lines[0].quantity", "lines[1].quantity")));
		verifyNoInteractions(this.orderService);
	}

	@Test
	void refusesAnOrderWithoutLines() throws Exception {
		placing("""
				{"customerId":"c-1","customerEmail":"c-1@example.com","lines":[]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines"));
	}

	@Test
	void refusesTwoLinesForOneSku() throws Exception {
		placing("""
				{"customerId":"c-1","customerEmail":"c-1@example.com",
				 "lines":[{"sku":"SKU-1","quantity":1},{"sku":"SKU-1","quantity":2}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("more than one line for SKU-1")));
	}

	@Test
	void answersMalformedJsonWithAProblem() throws Exception {
		placing("{\"customerId\": ").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
	}

	@Test
	void namesAFieldOfTheWrongType() throws Exception {
		placing("""
				{"customerId":"c-1","customerEmail":"c-1@example.com","lines":[{"sku":"SKU-1","quantity":"two"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
	}

	@Test
	void answersAMissingBodyWithAProblem() throws Exception {
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void replaysAnIdempotentRequestWithTheSameOrder() throws Exception {
		Order order = order();
		given(this.idempotentPlacement.place(eq("key-1"), anyString(), anyString(), anyList()))
			.willReturn(new Placement(order, true));

		this.mvc.perform(post("/api/orders").header("Idempotency-Key", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID))
			.andExpect(status().isOk())
			.andExpect(header().string("Location", "/api/orders/" + order.id()))
			.andExpect(jsonPath("$.orderId").value(order.id().toString()));
	}

	@Test
	void refusesAnIdempotencyKeyReusedForAnotherRequest() throws Exception {
		given(this.idempotentPlacement.place(eq("key-1"), anyString(), anyString(), anyList()))
			.willThrow(new IdempotencyKeyReusedException("key-1"));

		this.mvc.perform(post("/api/orders").header("Idempotency-Key", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void showsAnOrder() throws Exception {
		Order order = order();
		given(this.orderService.find(order.id())).willReturn(order);

		this.mvc.perform(get("/api/orders/{id}", order.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.lines[0].sku").value("SKU-1"))
			.andExpect(jsonPath("$.history[0].status").value("PENDING"))
			.andExpect(jsonPath("$.history[0].source").value("api"))
			.andExpect(jsonPath("$.reason").doesNotExist());
	}

	@Test
	void answersAnUnknownOrderWith404() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.orderService.find(id)).willThrow(new OrderNotFoundException(id));

		this.mvc.perform(get("/api/orders/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(id.toString())));
	}

	@Test
	void answersAMalformedOrderIdWith400() throws Exception {
		this.mvc.perform(get("/api/orders/not-a-uuid"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("orderId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("UUID")));
	}

	@Test
	void refusesToCancelARejectedOrder() throws Exception {
		Order order = order();
		order.reject("no stock");
		// the real aggregate refuses, as the service would let it
		given(this.orderService.requestCancel(order.id())).willAnswer((invocation) -> {
			order.requestCancel();
			return order;
		});

		this.mvc.perform(post("/api/orders/{id}/cancel", order.id()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.orderStatus").value("REJECTED"));
	}

	@Test
	void acceptsACancel() throws Exception {
		Order order = order();
		order.requestCancel();
		given(this.orderService.requestCancel(order.id())).willReturn(order);

		this.mvc.perform(post("/api/orders/{id}/cancel", order.id()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.cancelRequested").value(true));
	}

	@Test
	void listsOrdersWithTheDefaultLimit() throws Exception {
		given(this.orderService.findNewest(Optional.of(OrderStatus.CONFIRMED), 50)).willReturn(List.of(order()));

		this.mvc.perform(get("/api/orders").param("status", "confirmed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)));
		verify(this.orderService).findNewest(Optional.of(OrderStatus.CONFIRMED), 50);
	}

	@Test
	void refusesAnUnknownStatusListingTheAllowedOnes() throws Exception {
		this.mvc.perform(get("/api/orders").param("status", "SHIPPED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("PENDING, CONFIRMED, REJECTED, CANCELLED")));
	}

	@Test
	void refusesALimitOutOfRange() throws Exception {
		for (String limit : List.of("0", "501", "ten")) {
			this.mvc.perform(get("/api/orders").param("limit", limit))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("limit")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("1 to 500")));
		}
		verifyNoInteractions(this.orderService);
	}

	private ResultActions placing(String body) throws Exception {
		return this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static Order order() {
		return Order.place("c-1", "c-1@example.com", List.of(new OrderLine("SKU-1", 2)));
	}

}

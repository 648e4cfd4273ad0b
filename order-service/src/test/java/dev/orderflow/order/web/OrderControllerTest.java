package dev.orderflow.order.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.ServletContext;

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
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

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
@Import({ OrderApiConfiguration.class, OrderAccess.class })
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
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("customerId", "customerEmail", "lines[0].sku",
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
	void refusesMoreLinesThanTheLimitNamingIt() throws Exception {
		placing(order("c-1", "c-1@example.com", 101)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("an order has at most 100 lines")))
			.andExpect(jsonPath("$.errors[0].field").value("lines"))
			.andExpect(jsonPath("$.errors[0].limit").value("maxItems"))
			.andExpect(jsonPath("$.errors[0].max").value(100));
		verifyNoInteractions(this.orderService);
	}

	@Test
	void acceptsAnOrderWithExactlyTheMostLines() throws Exception {
		given(this.orderService.place(anyString(), anyString(), anyList())).willReturn(order());

		placing(order("c-1", "c-1@example.com", 100)).andExpect(status().isAccepted());
	}

	@Test
	void refusesFieldsLongerThanTheirLimitNamingIt() throws Exception {
		String email = "a".repeat(310) + "@example.com";
		placing(order("c".repeat(201), email, 1)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("customerEmail must be at most 320 characters")))
			.andExpect(jsonPath("$.errors[?(@.field == 'customerEmail')].limit").value(hasItem("maxLength")))
			.andExpect(jsonPath("$.errors[?(@.field == 'customerEmail')].max").value(hasItem(320)))
			.andExpect(jsonPath("$.errors[?(@.field == 'customerId')].max").value(hasItem(200)));
		placing("""
				{"customerId":"c-1","customerEmail":"c-1@example.com","lines":[{"sku":"%s","quantity":1}]}"""
			.formatted("S".repeat(101))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].sku"))
			.andExpect(jsonPath("$.errors[0].limit").value("maxLength"))
			.andExpect(jsonPath("$.errors[0].max").value(100));
		verifyNoInteractions(this.orderService);
	}

	@Test
	void answersABodyOverTheLimitWith413NamingIt() throws Exception {
		String body = order("c-1", "c-1@example.com", 90) + " ".repeat(200 * 1024);

		placing(body).andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Request body too large"))
			.andExpect(jsonPath("$.detail").value("a request body has at most 65536 bytes"))
			.andExpect(jsonPath("$.limit").value("maxRequestBodyBytes"))
			.andExpect(jsonPath("$.max").value(65536));
		verifyNoInteractions(this.orderService, this.idempotentPlacement);
	}

	@Test
	void answersAChunkedBodyOverTheLimitWith413() throws Exception {
		// no Content-Length: the filter can only count the bytes as they are read
		String body = order("c-1", "c-1@example.com", 90).replace("\"lines\"", " ".repeat(200 * 1024) + "\"lines\"");

		this.mvc.perform(new ChunkedPost("/api/orders").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.limit").value("maxRequestBodyBytes"))
			.andExpect(jsonPath("$.max").value(65536));
		verifyNoInteractions(this.orderService, this.idempotentPlacement);
	}

	@Test
	void capsTheBodyOfEveryPost() throws Exception {
		this.mvc
			.perform(post("/api/orders/{id}/cancel", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
				.content("x".repeat(65537)))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.limit").value("maxRequestBodyBytes"));
		verifyNoInteractions(this.orderService);
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

		this.mvc
			.perform(post("/api/orders").header("Idempotency-Key", "key-1")
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

		this.mvc
			.perform(post("/api/orders").header("Idempotency-Key", "key-1")
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
		given(this.orderService.find(order.id())).willReturn(order);
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
		given(this.orderService.find(order.id())).willReturn(order);
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
			.andExpect(
					jsonPath("$.errors[0].message").value(containsString("PENDING, CONFIRMED, REJECTED, CANCELLED")));
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

	/** An order body with {@code lines} distinct SKUs. */
	private static String order(String customerId, String customerEmail, int lines) {
		return """
				{"customerId":"%s","customerEmail":"%s","lines":[%s]}""".formatted(customerId, customerEmail,
				IntStream.rangeClosed(1, lines)
					.mapToObj((i) -> "{\"sku\":\"SKU-" + i + "\",\"quantity\":1}")
					.collect(Collectors.joining(",")));
	}

	@Test
	void aCustomerWhoPlacesAnOrderForSomeoneElseIsRefusedWithAProblem() throws Exception {
		this.mvc
			.perform(post("/api/orders").with(customer("c-2")).contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("signed in as c-2")));
		verifyNoInteractions(this.orderService);
	}

	@Test
	void anotherCustomersOrderIsAnsweredAsIfItDidNotExist() throws Exception {
		Order order = order();
		given(this.orderService.find(order.id())).willReturn(order);

		this.mvc.perform(get("/api/orders/{id}", order.id()).with(customer("c-2"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/orders/{id}/cancel", order.id()).with(customer("c-2")))
			.andExpect(status().isNotFound());
		verify(this.orderService, org.mockito.Mockito.never()).requestCancel(order.id());
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrders() throws Exception {
		given(this.orderService.findNewestOf("c-2", Optional.empty(), 50)).willReturn(List.of());

		this.mvc.perform(get("/api/orders").with(customer("c-2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		verify(this.orderService).findNewestOf("c-2", Optional.empty(), 50);
	}

	/** A customer's token without the operator role. */
	private static org.springframework.test.web.servlet.request.RequestPostProcessor customer(String id) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
			.jwt((token) -> token.subject(id).claim("roles", List.of("customer")))
			.authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_customer"));
	}

	private static Order order() {
		return Order.place("c-1", "c-1@example.com", List.of(new OrderLine("SKU-1", 2)));
	}

	/** A POST whose body comes without a Content-Length, as a chunked one does. */
	static final class ChunkedPost extends AbstractMockHttpServletRequestBuilder<ChunkedPost> {

		ChunkedPost(String uri) {
			super(HttpMethod.POST);
			uri(uri);
			header("Transfer-Encoding", "chunked");
		}

		@Override
		protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
			return new MockHttpServletRequest(servletContext) {

				@Override
				public int getContentLength() {
					return -1;
				}

				@Override
				public long getContentLengthLong() {
					return -1;
				}

			};
		}

	}

}

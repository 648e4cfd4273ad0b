package dev.orderflow.inventory.stock.web;

import java.util.List;
import java.util.Optional;

import dev.orderflow.inventory.stock.Inventory;
import dev.orderflow.inventory.stock.Stock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(StockController.class)
@Import(StockAccess.class)
class StockControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Inventory inventory;

	@Test
	void listsStockSortedBySku() throws Exception {
		given(inventory.all()).willReturn(List.of(stock("SKU-001", 7, 3), stock("SKU-002", 0, 1)));

		mvc.perform(get("/api/stock"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].sku").value("SKU-001"))
			.andExpect(jsonPath("$[0].available").value(7))
			.andExpect(jsonPath("$[0].reserved").value(3))
			.andExpect(jsonPath("$[1].sku").value("SKU-002"));
	}

	@Test
	void showsOneSku() throws Exception {
		given(inventory.find("SKU-001")).willReturn(Optional.of(stock("SKU-001", 7, 3)));

		mvc.perform(get("/api/stock/SKU-001"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"sku\":\"SKU-001\",\"available\":7,\"reserved\":3}"));
	}

	@Test
	void unknownSkuIsA404Problem() throws Exception {
		given(inventory.find("NOPE")).willReturn(Optional.empty());

		expectProblem(mvc.perform(get("/api/stock/NOPE")), 404)
			.andExpect(jsonPath("$.detail").value("unknown SKU: NOPE"));
	}

	@Test
	void malformedSkuIsA400ProblemNamingTheField() throws Exception {
		expectProblem(mvc.perform(get("/api/stock/" + "x".repeat(65))), 400)
			.andExpect(jsonPath("$.errors[0].field").value("sku"));
		expectProblem(restock("bad.sku", "{\"quantity\":5}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("sku"));
		verifyNoInteractions(inventory);
	}

	@Test
	void restockReturnsTheNewStock() throws Exception {
		given(inventory.restock("SKU-NEW", 25)).willReturn(stock("SKU-NEW", 25, 0));

		restock("SKU-NEW", "{\"quantity\":25}").andExpect(status().isOk())
			.andExpect(content().json("{\"sku\":\"SKU-NEW\",\"available\":25,\"reserved\":0}"));
	}

	@Test
	void restockQuantityMustBeBetweenOneAndAMillion() throws Exception {
		for (String body : List.of("{\"quantity\":0}", "{\"quantity\":1000001}", "{\"quantity\":-5}", "{}")) {
			expectProblem(restock("SKU-001", body), 400).andExpect(jsonPath("$.errors[0].field").value("quantity"))
				.andExpect(jsonPath("$.detail").value(containsString("quantity")));
		}
		verifyNoInteractions(inventory);
	}

	@Test
	void restockOverTheCapIsA400ProblemNamingTheLimit() throws Exception {
		expectProblem(restock("SKU-001", "{\"quantity\":1000001}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("quantity"))
			.andExpect(jsonPath("$.errors[0].limit").value("maximum"))
			.andExpect(jsonPath("$.errors[0].max").value(Stock.MAX_RESTOCK));
		verifyNoInteractions(inventory);
	}

	@Test
	void restockBeyondWhatASkuCanHoldIsA400ProblemNamingTheLimit() throws Exception {
		// the real aggregate refuses, as the service would let it
		given(inventory.restock("SKU-001", Stock.MAX_RESTOCK)).willAnswer((invocation) -> {
			Stock stock = stock("SKU-001", Stock.MAX_UNITS - Stock.MAX_RESTOCK, 1);
			stock.restock(Stock.MAX_RESTOCK);
			return stock;
		});

		expectProblem(restock("SKU-001", "{\"quantity\":1000000}"), 400)
			.andExpect(jsonPath("$.title").value("Stock limit exceeded"))
			.andExpect(jsonPath("$.limit").value("maxUnitsPerSku"))
			.andExpect(jsonPath("$.max").value(Integer.MAX_VALUE))
			.andExpect(jsonPath("$.detail").value(containsString("2147483647 units a SKU can hold")));
	}

	@Test
	void malformedJsonIsA400Problem() throws Exception {
		expectProblem(restock("SKU-001", "{\"quantity\":"), 400);
		expectProblem(restock("SKU-001", ""), 400);
		expectProblem(restock("SKU-001", "{\"quantity\":\"ten\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
		expectProblem(restock("SKU-001", "{\"quantity\":99999999999}"), 400);
		verifyNoInteractions(inventory);
	}

	private ResultActions restock(String sku, String body) throws Exception {
		return mvc.perform(post("/api/stock/{sku}/restock", sku).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	private static Stock stock(String sku, int available, int reserved) {
		return new Stock(sku, available, reserved, 0);
	}

}

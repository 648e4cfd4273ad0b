package dev.orderflow.inventory.stock.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import dev.orderflow.inventory.stock.Inventory;
import dev.orderflow.inventory.stock.Sku;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/stock}: what is available and reserved per SKU, and restocking.
 */
@RestController
@RequestMapping("/api/stock")
class StockController {

	private static final String SKU_MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

	private final Inventory inventory;

	StockController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	List<StockResponse> all() {
		return inventory.all().stream().map(StockResponse::of).toList();
	}

	@GetMapping("/{sku}")
	StockResponse one(@PathVariable @Pattern(regexp = Sku.PATTERN, message = SKU_MESSAGE) String sku) {
		return inventory.find(sku).map(StockResponse::of).orElseThrow(() -> new UnknownSkuException(sku));
	}

	@PostMapping("/{sku}/restock")
	StockResponse restock(@PathVariable @Pattern(regexp = Sku.PATTERN, message = SKU_MESSAGE) String sku,
			@Valid @RequestBody RestockRequest request) {
		return StockResponse.of(inventory.restock(sku, request.quantity()));
	}

}

package dev.orderflow.inventory.stock.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.orderflow.inventory.stock.Stock;

/**
 * Body of {@code POST /api/stock/{sku}/restock}.
 */
record RestockRequest(@Schema(description = "Units to add, 1 to " + Stock.MAX_RESTOCK
		+ " per request; a SKU holds at most " + Stock.MAX_UNITS
		+ " units, available and reserved together") @NotNull @Min(1) @Max(Stock.MAX_RESTOCK) Integer quantity) {
}

package dev.orderflow.inventory.stock.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.orderflow.inventory.stock.Stock;

/**
 * Body of {@code POST /api/stock/{sku}/restock}.
 */
record RestockRequest(@NotNull @Min(1) @Max(Stock.MAX_RESTOCK) Integer quantity) {
}

/**
 * HTTP side of stock: {@code /api/stock}, read and restock.
 */
package dev.orderflow.inventory.stock.web;

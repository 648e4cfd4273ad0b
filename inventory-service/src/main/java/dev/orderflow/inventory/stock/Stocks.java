package dev.orderflow.inventory.stock;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock table. Writers lock rows with {@code SELECT ... FOR UPDATE} one SKU at a time
 * in sorted order: two orders touching the same SKUs then queue up instead of
 * overselling, and can never wait on each other in a cycle (no deadlock). A transaction
 * that applies several orders must lock all their SKUs first, in one call (ADR 0008).
 */
@Repository
public class Stocks {

	private static final String COLUMNS = "sku, available, reserved, version";

	private static final RowMapper<Stock> ROW_MAPPER = (rs, rowNum) -> new Stock(rs.getString("sku"),
			rs.getInt("available"), rs.getInt("reserved"), rs.getLong("version"));

	private final JdbcClient jdbc;

	public Stocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Stock> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stock ORDER BY sku").query(ROW_MAPPER).list();
	}

	public Optional<Stock> findBySku(String sku) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stock WHERE sku = ?").param(sku).query(ROW_MAPPER).optional();
	}

	/**
	 * Locks the stock rows of the given SKUs until the transaction ends, in sorted SKU
	 * order. Unknown SKUs are simply absent from the result.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Stock> lock(Collection<String> skus) {
		Map<String, Stock> locked = new LinkedHashMap<>();
		for (String sku : new TreeSet<>(skus)) {
			lock(sku).ifPresent((stock) -> locked.put(sku, stock));
		}
		return locked;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Stock> lock(String sku) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stock WHERE sku = ? FOR UPDATE")
			.param(sku)
			.query(ROW_MAPPER)
			.optional();
	}

	/**
	 * Writes the counters back. The version check is a second line of defence behind the
	 * row lock: a lost update fails loudly instead of silently corrupting the stock.
	 */
	public void update(Stock stock) {
		int updated = jdbc
			.sql("UPDATE stock SET available = ?, reserved = ?, version = version + 1 WHERE sku = ? AND version = ?")
			.params(stock.available(), stock.reserved(), stock.sku(), stock.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("stock of " + stock.sku() + " changed concurrently");
		}
	}

	/**
	 * Inserts a new SKU; fails with {@link DuplicateKeyException} if it already exists.
	 */
	public void insert(Stock stock) {
		jdbc.sql("INSERT INTO stock (" + COLUMNS + ") VALUES (?, ?, ?, 0)")
			.params(stock.sku(), stock.available(), stock.reserved())
			.update();
	}

	/**
	 * Inserts a new SKU with {@code available} units unless it exists; returns whether it
	 * did.
	 */
	public boolean insertIfAbsent(String sku, int available) {
		if (findBySku(sku).isPresent()) {
			return false;
		}
		try {
			insert(new Stock(sku, available, 0, 0));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another instance seeded the same SKU between our check and our insert
			return false;
		}
	}

}

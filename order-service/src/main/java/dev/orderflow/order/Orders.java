package dev.orderflow.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders, stored in plain SQL that runs on H2 and PostgreSQL alike. An order is saved
 * whole: its row (guarded by an optimistic-lock version), its lines once, and the history
 * entries it gained since it was read.
 */
@Repository
public class Orders {

	private static final String SELECT_ORDERS = """
			select id, customer_id, customer_email, status, reason, cancel_requested, created_at, updated_at, version
			from orders""";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Order> findById(UUID id) {
		return this.jdbc.sql(SELECT_ORDERS + " where id = :id")
			.param("id", id.toString())
			.query(OrderRow::map)
			.optional()
			.map((row) -> withDetails(List.of(row)).get(0));
	}

	/** One customer's newest orders first, optionally only those in one status. */
	public List<Order> findNewestOf(String customerId, Optional<OrderStatus> status, int limit) {
		String where = " where customer_id = :customerId" + (status.isPresent() ? " and status = :status" : "");
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT_ORDERS + where + " order by created_at desc, id desc limit :limit")
			.param("customerId", customerId)
			.param("limit", limit);
		if (status.isPresent()) {
			query = query.param("status", status.get().name());
		}
		return withDetails(query.query(OrderRow::map).list());
	}

	/** The newest orders first, optionally only those in one status. */
	public List<Order> findNewest(Optional<OrderStatus> status, int limit) {
		String where = status.isPresent() ? " where status = :status" : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT_ORDERS + where + " order by created_at desc, id desc limit :limit")
			.param("limit", limit);
		if (status.isPresent()) {
			query = query.param("status", status.get().name());
		}
		return withDetails(query.query(OrderRow::map).list());
	}

	/**
	 * Inserts a new order or updates a stored one.
	 * @throws OptimisticLockingFailureException if someone else changed the order since
	 * it was read
	 */
	public void save(Order order) {
		if (order.version() == 0) {
			insert(order);
		}
		else {
			update(order);
		}
		appendNewHistory(order);
	}

	private void insert(Order order) {
		this.jdbc.sql("""
				insert into orders (id, customer_id, customer_email, status, reason, cancel_requested,
					created_at, updated_at, version)
				values (:id, :customerId, :customerEmail, :status, :reason, :cancelRequested,
					:createdAt, :updatedAt, 1)""")
			.param("id", order.id().toString())
			.param("customerId", order.customerId())
			.param("customerEmail", order.customerEmail())
			.param("status", order.status().name())
			.param("reason", order.reason())
			.param("cancelRequested", order.isCancelRequested())
			.param("createdAt", utc(order.createdAt()))
			.param("updatedAt", utc(order.updatedAt()))
			.update();
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			this.jdbc
				.sql("insert into order_line (order_id, line_no, sku, quantity) values (:id, :no, :sku, :quantity)")
				.param("id", order.id().toString())
				.param("no", i)
				.param("sku", lines.get(i).sku())
				.param("quantity", lines.get(i).quantity())
				.update();
		}
	}

	private void update(Order order) {
		int updated = this.jdbc.sql("""
				update orders set status = :status, reason = :reason, cancel_requested = :cancelRequested,
					updated_at = :updatedAt, version = version + 1
				where id = :id and version = :version""")
			.param("status", order.status().name())
			.param("reason", order.reason())
			.param("cancelRequested", order.isCancelRequested())
			.param("updatedAt", utc(order.updatedAt()))
			.param("id", order.id().toString())
			.param("version", order.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Order " + order.id() + " was changed concurrently");
		}
	}

	private void appendNewHistory(Order order) {
		int stored = this.jdbc.sql("select count(*) from order_history where order_id = :id")
			.param("id", order.id().toString())
			.query(Integer.class)
			.single();
		List<OrderHistoryEntry> history = order.history();
		for (int seq = stored; seq < history.size(); seq++) {
			OrderHistoryEntry entry = history.get(seq);
			this.jdbc.sql("""
					insert into order_history (order_id, seq, status, event_name, occurred_at, source)
					values (:id, :seq, :status, :event, :at, :source)""")
				.param("id", order.id().toString())
				.param("seq", seq)
				.param("status", (entry.status() != null) ? entry.status().name() : null)
				.param("event", entry.event())
				.param("at", utc(entry.at()))
				.param("source", entry.source())
				.update();
		}
	}

	// Two extra queries for any number of orders, rather than two per order.
	private List<Order> withDetails(List<OrderRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<String> ids = rows.stream().map((row) -> row.id().toString()).toList();
		Map<String, List<OrderLine>> lines = linesOf(ids);
		Map<String, List<OrderHistoryEntry>> history = historyOf(ids);
		List<Order> orders = new ArrayList<>(rows.size());
		for (OrderRow row : rows) {
			String id = row.id().toString();
			orders.add(row.toOrder(lines.getOrDefault(id, List.of()), history.getOrDefault(id, List.of())));
		}
		return orders;
	}

	private Map<String, List<OrderLine>> linesOf(Collection<String> ids) {
		return this.jdbc
			.sql("select order_id, sku, quantity from order_line where order_id in (:ids) order by order_id, line_no")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString("order_id"),
					new OrderLine(rs.getString("sku"), rs.getInt("quantity"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private Map<String, List<OrderHistoryEntry>> historyOf(Collection<String> ids) {
		return this.jdbc.sql("""
				select order_id, status, event_name, occurred_at, source from order_history
				where order_id in (:ids) order by order_id, seq""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString("order_id"), historyEntry(rs)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static OrderHistoryEntry historyEntry(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		return new OrderHistoryEntry((status != null) ? OrderStatus.valueOf(status) : null, rs.getString("event_name"),
				instant(rs, "occurred_at"), rs.getString("source"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private record OrderRow(UUID id, String customerId, String customerEmail, OrderStatus status, String reason,
			boolean cancelRequested, Instant createdAt, Instant updatedAt, long version) {

		static OrderRow map(ResultSet rs, int rowNum) throws SQLException {
			return new OrderRow(UUID.fromString(rs.getString("id")), rs.getString("customer_id"),
					rs.getString("customer_email"), OrderStatus.valueOf(rs.getString("status")), rs.getString("reason"),
					rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "updated_at"),
					rs.getLong("version"));
		}

		Order toOrder(List<OrderLine> lines, List<OrderHistoryEntry> history) {
			return Order.restore(this.id, this.customerId, this.customerEmail, lines, this.status, this.reason,
					this.cancelRequested, this.createdAt, this.updatedAt, history, this.version);
		}

	}

}

package dev.orderflow.inventory.reservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reservation and reservation_line tables: one reservation per order id.
 */
@Repository
public class Reservations {

	private final JdbcClient jdbc;

	public Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Finds and locks the reservation of an order until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Reservation> lock(String orderId) {
		return jdbc
			.sql("SELECT status, rejection_code, rejection_reason, rejection_sku, rejection_shortfall"
					+ " FROM reservation WHERE order_id = ? FOR UPDATE")
			.param(orderId)
			.query((rs, rowNum) -> new Reservation(orderId, ReservationStatus.valueOf(rs.getString("status")),
					linesOf(orderId), rejection(rs)))
			.optional();
	}

	/**
	 * The SKUs that the reservations of these orders hold, without locking anything: what
	 * cancelling them will give back to the stock.
	 */
	public Set<String> skusHeldBy(Collection<String> orderIds) {
		if (orderIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc
			.sql("SELECT DISTINCT l.sku FROM reservation_line l JOIN reservation r ON r.order_id = l.order_id"
					+ " WHERE r.status = :status AND l.order_id IN (:orderIds)")
			.param("status", ReservationStatus.RESERVED.name())
			.param("orderIds", orderIds)
			.query(String.class)
			.list());
	}

	public void insert(Reservation reservation) {
		Optional<Rejection> rejection = reservation.rejection();
		jdbc.sql(
				"""
						INSERT INTO reservation (order_id, status, rejection_code, rejection_reason, rejection_sku, rejection_shortfall)
						VALUES (?, ?, ?, ?, ?, ?)""")
			.params(reservation.orderId(), reservation.status().name(),
					rejection.map((r) -> r.code().name()).orElse(null), rejection.map(Rejection::reason).orElse(null),
					rejection.map(Rejection::sku).orElse(null), rejection.map(Rejection::shortfall).orElse(null))
			.update();
		List<ReservationLine> lines = reservation.lines();
		for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
			ReservationLine line = lines.get(lineNo);
			jdbc.sql("INSERT INTO reservation_line (order_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)")
				.params(reservation.orderId(), lineNo, line.sku(), line.quantity())
				.update();
		}
	}

	public void updateStatus(Reservation reservation) {
		jdbc.sql("UPDATE reservation SET status = ?, updated_at = CURRENT_TIMESTAMP WHERE order_id = ?")
			.params(reservation.status().name(), reservation.orderId())
			.update();
	}

	private static Rejection rejection(ResultSet rs) throws SQLException {
		String code = rs.getString("rejection_code");
		if (code == null) {
			return null;
		}
		return new Rejection(Rejection.Code.valueOf(code), rs.getString("rejection_reason"),
				rs.getString("rejection_sku"), rs.getObject("rejection_shortfall", Integer.class));
	}

	private List<ReservationLine> linesOf(String orderId) {
		return jdbc.sql("SELECT sku, quantity FROM reservation_line WHERE order_id = ? ORDER BY line_no")
			.param(orderId)
			.query((rs, rowNum) -> new ReservationLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
	}

}

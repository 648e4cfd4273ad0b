package dev.orderflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The notifications recorded so far, in table {@code notification}. Plain SQL that runs
 * on both H2 and PostgreSQL.
 */
@Repository
public class Notifications {

	private static final String COLUMNS = "id, event_id, order_id, type, recipient, subject, body, status, error, created_at";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a notification. A second one for the same event violates the unique key on
	 * {@code event_id}: a last line of defence behind the inbox of processed events.
	 * @param notification the notification, without id
	 * @return the notification with its id
	 */
	public Notification add(Notification notification) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO notification (event_id, order_id, type, recipient, subject, body, status, error, created_at)
				VALUES (:eventId, :orderId, :type, :recipient, :subject, :body, :status, :error, :createdAt)
				""")
			.param("eventId", notification.eventId())
			.param("orderId", notification.orderId())
			.param("type", notification.type().name())
			.param("recipient", notification.recipient())
			.param("subject", notification.subject())
			.param("body", notification.body())
			.param("status", notification.status().name())
			.param("error", notification.error())
			.param("createdAt", OffsetDateTime.ofInstant(notification.createdAt(), ZoneOffset.UTC))
			.update(keys, "id");
		return notification.withId(keys.getKeyAs(Number.class).longValue());
	}

	void markFailed(long id, String error) {
		this.jdbc.sql("UPDATE notification SET status = 'FAILED', error = :error WHERE id = :id")
			.param("error", error)
			.param("id", id)
			.update();
	}

	/**
	 * The latest notifications, newest first.
	 * @param limit how many at most
	 * @return the notifications
	 */
	public List<Notification> latest(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notification ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query(Notifications::map)
			.list();
	}

	/**
	 * The latest notifications about one order, newest first.
	 * @param orderId the order
	 * @param limit how many at most
	 * @return the notifications
	 */
	public List<Notification> latestOf(String orderId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM notification WHERE order_id = :orderId ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("orderId", orderId)
			.param("limit", limit)
			.query(Notifications::map)
			.list();
	}

	/**
	 * One customer's latest notifications, newest first: those about orders they placed.
	 * @param customerId the customer
	 * @param limit how many at most
	 * @return the notifications
	 */
	public List<Notification> latestForCustomer(String customerId, int limit) {
		return this.jdbc
			.sql("SELECT n." + COLUMNS.replace(", ", ", n.") + " FROM notification n"
					+ " JOIN order_owner o ON o.order_id = n.order_id WHERE o.customer_id = :customerId"
					+ " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit")
			.param("customerId", customerId)
			.param("limit", limit)
			.query(Notifications::map)
			.list();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("order_id"),
				NotificationType.valueOf(rs.getString("type")), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), NotificationStatus.valueOf(rs.getString("status")), rs.getString("error"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}

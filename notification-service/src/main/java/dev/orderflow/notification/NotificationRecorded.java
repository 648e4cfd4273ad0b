package dev.orderflow.notification;

/**
 * Published inside the transaction that recorded a notification; listeners that must only
 * see committed notifications (the live stream) use {@code @TransactionalEventListener}.
 *
 * @param notification what was recorded
 */
public record NotificationRecorded(Notification notification) {

}

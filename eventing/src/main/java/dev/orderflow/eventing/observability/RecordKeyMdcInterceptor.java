package dev.orderflow.eventing.observability;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the key of the record being handled into the logging context (MDC) for as long as
 * the listener runs. Every orderflow topic is keyed by orderId, so each line a listener
 * logs names its order without the listener having to repeat it.
 */
public class RecordKeyMdcInterceptor implements RecordInterceptor<Object, Object> {

	private final String mdcKey;

	/**
	 * @param mdcKey the MDC entry to set, e.g. {@code orderId}
	 */
	public RecordKeyMdcInterceptor(String mdcKey) {
		this.mdcKey = mdcKey;
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		if (record.key() != null) {
			MDC.put(this.mdcKey, String.valueOf(record.key()));
		}
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		MDC.remove(this.mdcKey);
	}

}

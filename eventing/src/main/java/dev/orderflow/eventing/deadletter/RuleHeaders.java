package dev.orderflow.eventing.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleDeadLetters;

/**
 * The headers a dead letter gets when a data contract rule refused it on read, the same
 * {@code __rule.*} headers a serializer's DLQ action writes: which rule, on which side,
 * and its message (which names fields, never their values). Other failures get none.
 */
final class RuleHeaders {

	private RuleHeaders() {
	}

	static Headers of(ConsumerRecord<?, ?> record, Exception failure) {
		RuleConditionException broken = find(failure);
		if (broken == null) {
			return null;
		}
		RecordHeaders headers = new RecordHeaders();
		headers.add(RuleDeadLetters.RULE_NAME, bytes(broken.ruleName()));
		headers.add(RuleDeadLetters.RULE_MODE, bytes(broken.onWrite() ? "WRITE" : "READ"));
		headers.add(RuleDeadLetters.RULE_EXCEPTION, bytes(broken.getMessage()));
		return headers;
	}

	static RuleConditionException find(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof RuleConditionException broken) {
				return broken;
			}
		}
		return null;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

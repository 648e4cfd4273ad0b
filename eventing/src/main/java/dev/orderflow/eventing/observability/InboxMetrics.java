package dev.orderflow.eventing.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.orderflow.eventing.inbox.InboxPurge;

/**
 * Meters of the inbox: {@code orderflow.inbox.rows} (processed events remembered, read at
 * each scrape) and {@code orderflow.inbox.purged} (rows the purge deleted since start).
 * With the purge running, the rows level off at about the events of one retention period;
 * a line that keeps rising says the purge is off or failing.
 */
public class InboxMetrics implements MeterBinder {

	private final InboxPurge purge;

	public InboxMetrics(InboxPurge purge) {
		this.purge = purge;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("orderflow.inbox.rows", this.purge, InboxPurge::rows)
			.description("Processed events remembered by the inbox (processed_event rows)")
			.register(registry);
		FunctionCounter.builder("orderflow.inbox.purged", this.purge, InboxPurge::purgedSinceStart)
			.description("Inbox rows deleted because they were older than orderflow.inbox.retention")
			.register(registry);
	}

}

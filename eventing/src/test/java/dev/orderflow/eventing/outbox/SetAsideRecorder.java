package dev.orderflow.eventing.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * Records what the relay set aside, the way order-service closes the order it belongs to.
 */
@Component
public class SetAsideRecorder implements SetAsideListener {

	final List<SetAsideEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void eventSetAside(SetAsideEvent event) {
		this.events.add(event);
	}

}

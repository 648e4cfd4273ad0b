package dev.orderflow.devstack.workshop;

import java.util.List;

import dev.orderflow.devstack.StackPorts;

/**
 * Lab 09 (data contracts): OrderPlaced's contract in the registry carries the rule the
 * lab adds, a consumer dead-lettered the event a producer without rules sent (naming the
 * rule), and the dead-letter previews show no customer's e-mail address.
 */
final class DataContractsLabCheck {

	static final String SUBJECT = "orders-dev.orderflow.events.OrderPlaced";

	static final String RULE = "atMostTenUnitsPerLine";

	static final String LAB_EMAIL = "lab-09@example.com";

	private final LabProbe probe;

	DataContractsLabCheck(LabProbe probe) {
		this.probe = probe;
	}

	void run(LabReport report) {
		StackPorts ports = this.probe.ports();
		if (!this.probe.servicesReady(report, List.of(ports.schemaRegistry(), ports.inventoryService()))) {
			return;
		}
		String latest = this.probe.get(ports.schemaRegistry(), "/subjects/" + SUBJECT + "/versions/latest").orElse("");
		report.check(latest.contains("\"" + RULE + "\""), "the latest OrderPlaced version carries rule " + RULE,
				"register it with the schema (lab 09, step 2)");
		String deadLetters = this.probe.get(ports.inventoryService(), "/api/dead-letters").orElse("");
		report.check(deadLetters.contains("Rule '" + RULE + "'"),
				"inventory-service dead-lettered an event that broke " + RULE,
				"send it from a producer without rules (lab 09, step 4)");
		report.check(deadLetters.contains("\"id\"") && !deadLetters.contains(LAB_EMAIL),
				"the dead-letter previews mask the customer's e-mail address",
				"the PII tag on customerEmail masks it: is OrderPlaced's contract registered (lab 09, step 1)?");
	}

}

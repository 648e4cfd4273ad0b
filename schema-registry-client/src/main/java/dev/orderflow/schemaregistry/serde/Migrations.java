package dev.orderflow.schemaregistry.serde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import dev.orderflow.schemaregistry.client.SchemaMetadata;
import dev.orderflow.schemaregistry.client.SchemaRegistryClient;
import dev.orderflow.schemaregistry.rules.DataContract;
import dev.orderflow.schemaregistry.rules.JsonataRules;
import dev.orderflow.schemaregistry.rules.Rule;
import dev.orderflow.schemaregistry.rules.RuleConditionException;
import dev.orderflow.schemaregistry.rules.RuleMode;

/**
 * Migration rules, as Confluent's deserializer applies them when it reads with the
 * subject's latest version ({@code use.latest.version=true}) and a record was written
 * with another: between the writer's version and the reader's, each version's
 * {@code migrationRules} of type {@code JSONATA} run in turn. Reading a newer version
 * from an older record <em>upgrades</em> it with the {@code UPGRADE} and {@code UPDOWN}
 * rules of every later version, oldest first; reading an older version from a newer
 * record <em>downgrades</em> it with the {@code DOWNGRADE} and {@code UPDOWN} rules of
 * every version above the reader's, newest first and each version's rules in reverse
 * order. The record leaves in the reader's version, whose domain rules then apply.
 */
final class Migrations {

	private final SchemaRegistryClient client;

	private final JsonataRules jsonata = new JsonataRules();

	private final Map<Steps, List<Step>> plans = new ConcurrentHashMap<>();

	Migrations(SchemaRegistryClient client) {
		this.client = client;
	}

	/**
	 * The migration steps from the writer's version to the reader's, in the order they
	 * run; empty when the versions are the same, the writer's id is no version of the
	 * subject, or no version between them has a migration rule for the direction.
	 */
	List<Step> plan(String subject, int writerId, int readerId, int readerVersion) {
		if (writerId == readerId) {
			return List.of();
		}
		return this.plans.computeIfAbsent(new Steps(subject, writerId, readerId),
				(key) -> steps(subject, writerId, readerVersion));
	}

	private List<Step> steps(String subject, int writerId, int readerVersion) {
		Integer writerVersion = null;
		for (Integer version : this.client.getAllVersions(subject)) {
			if (this.client.getSchemaMetadata(subject, version).id() == writerId) {
				writerVersion = version;
			}
		}
		if (writerVersion == null || writerVersion == readerVersion) {
			return List.of();
		}
		boolean upgrade = writerVersion < readerVersion;
		int low = Math.min(writerVersion, readerVersion);
		int high = Math.max(writerVersion, readerVersion);
		List<Step> steps = new ArrayList<>();
		for (int version = low + 1; version <= high; version++) {
			SchemaMetadata metadata = this.client.getSchemaMetadata(subject, version);
			DataContract contract = this.client.getDataContract(metadata.id());
			List<Rule> rules = new ArrayList<>();
			if (contract.ruleSet() != null) {
				for (Rule rule : contract.ruleSet().migrationRules()) {
					if (JsonataRules.isJsonata(rule) && applies(rule.mode(), upgrade)) {
						rules.add(rule);
					}
				}
			}
			if (!upgrade) {
				Collections.reverse(rules);
			}
			if (!rules.isEmpty()) {
				// the version below this one: where a downgrade by this version's rules
				// ends
				SchemaMetadata target = upgrade ? metadata : this.client.getSchemaMetadata(subject, version - 1);
				steps.add(new Step(upgrade ? RuleMode.UPGRADE : RuleMode.DOWNGRADE, rules,
						new Schema.Parser().parse(target.schema())));
			}
		}
		if (!upgrade) {
			Collections.reverse(steps);
		}
		return steps;
	}

	private static boolean applies(RuleMode mode, boolean upgrade) {
		return mode == RuleMode.UPDOWN || mode == (upgrade ? RuleMode.UPGRADE : RuleMode.DOWNGRADE);
	}

	/**
	 * Runs the steps on a record read with the writer's schema.
	 * @return a generic record of the last step's schema
	 * @throws RuleConditionException naming the rule that could not be applied
	 */
	Object migrate(List<Step> steps, Schema writerSchema, Object record, String what) {
		Object document = JsonataRules.toJson(writerSchema, record);
		for (Step step : steps) {
			for (Rule rule : step.rules()) {
				try {
					document = this.jsonata.transform(rule, document);
				}
				catch (IllegalArgumentException ex) {
					throw new RuleConditionException(rule, what, step.mode().name(), ex.getMessage());
				}
			}
		}
		// only the end must be a record: the reader's version, where the last step ends
		Step last = steps.get(steps.size() - 1);
		try {
			return JsonataRules.fromJson(last.target(), document);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleConditionException(last.rules().get(last.rules().size() - 1), what, last.mode().name(),
					ex.getMessage());
		}
	}

	/** One version's rules and the schema the record has after them. */
	record Step(RuleMode mode, List<Rule> rules, Schema target) {
	}

	private record Steps(String subject, int writerId, int readerId) {
	}

}

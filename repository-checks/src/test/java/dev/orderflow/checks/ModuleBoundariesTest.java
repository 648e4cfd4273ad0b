package dev.orderflow.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries the design relies on, checked on the compiled classes of every
 * module: a service can be read, changed and deployed without another service's code;
 * eventing and the registry client are libraries that know no service; the registry
 * server and the services have only the registry client in common. A new import across a
 * boundary fails the build here, before it becomes a coupling nobody chose.
 */
class ModuleBoundariesTest {

	private static final String ORDER = "dev.orderflow.order..";

	private static final String INVENTORY = "dev.orderflow.inventory..";

	private static final String NOTIFICATION = "dev.orderflow.notification..";

	private static final String REGISTRY_SERVER = "dev.orderflow.registry..";

	private static final String REGISTRY_CLIENT = "dev.orderflow.schemaregistry..";

	private static final String EVENTING = "dev.orderflow.eventing..";

	private static final String EVENTS = "dev.orderflow.events..";

	private static final List<String> MODULES = List.of("schema-registry-client", "events", "schema-registry",
			"eventing", "order-service", "inventory-service", "notification-service", "dev-stack", "bench");

	private static JavaClasses classes;

	@BeforeAll
	static void importEveryModulesMainClasses() {
		Path root = RepositoryRoot.find();
		List<Path> outputs = MODULES.stream().map((module) -> root.resolve(module).resolve("target/classes")).toList();
		assertThat(outputs).as("every module is compiled before these checks run").allMatch(Files::isDirectory);
		classes = new ClassFileImporter().importPaths(outputs);
	}

	@Test
	void everyModuleIsSeenByTheRules() {
		assertThat(classes.stream().map((c) -> c.getPackageName())).anyMatch((p) -> p.startsWith("dev.orderflow.order"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.inventory"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.notification"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.registry"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.schemaregistry"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.eventing"))
			.anyMatch((p) -> p.startsWith("dev.orderflow.events"));
	}

	@Test
	void orderServiceNeverImportsAnotherService() {
		check(noClasses().that()
			.resideInAPackage(ORDER)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(INVENTORY, NOTIFICATION)
			.because("services talk only through events on Kafka"));
	}

	@Test
	void inventoryServiceNeverImportsAnotherService() {
		check(noClasses().that()
			.resideInAPackage(INVENTORY)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ORDER, NOTIFICATION)
			.because("services talk only through events on Kafka"));
	}

	@Test
	void notificationServiceNeverImportsAnotherService() {
		check(noClasses().that()
			.resideInAPackage(NOTIFICATION)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ORDER, INVENTORY)
			.because("services talk only through events on Kafka"));
	}

	@Test
	void eventingKnowsNoService() {
		check(noClasses().that()
			.resideInAPackage(EVENTING)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ORDER, INVENTORY, NOTIFICATION, REGISTRY_SERVER)
			.because("eventing is the library every service shares; it cannot depend on one of them"));
	}

	@Test
	void registryClientKnowsNoServiceNorTheServer() {
		check(noClasses().that()
			.resideInAPackage(REGISTRY_CLIENT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ORDER, INVENTORY, NOTIFICATION, REGISTRY_SERVER, EVENTING, EVENTS)
			.because("the client is a library for any Kafka application, with or without the rest of orderflow"));
	}

	@Test
	void registryServerSharesOnlyTheClientWithTheServices() {
		check(noClasses().that()
			.resideInAPackage(REGISTRY_SERVER)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ORDER, INVENTORY, NOTIFICATION, EVENTING, EVENTS)
			.because("the registry runs on its own, for any producer; it shares only the client's code"));
	}

	@Test
	void servicesNeverImportTheRegistryServer() {
		check(noClasses().that()
			.resideInAnyPackage(ORDER, INVENTORY, NOTIFICATION, EVENTING)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(REGISTRY_SERVER)
			.because("services reach the registry over HTTP through the client, as they would Confluent's"));
	}

	private static void check(ArchRule rule) {
		rule.check(classes);
	}

}

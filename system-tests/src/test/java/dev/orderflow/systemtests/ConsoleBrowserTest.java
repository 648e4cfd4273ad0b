package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.orderflow.authclient.DemoUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real (headless) Chromium against the packaged stack: orders placed
 * through the form show their saga live, a cancel returns the stock, and the page is
 * saved as a screenshot ({@code target/console.png}; also {@code docs/images/console.png}
 * with {@code -Dorderflow.updateScreenshots=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3) // on the shared stack, after SagaSystemTest
@ExtendWith(SharedStack.class)
class ConsoleBrowserTest {

	private static final String CONSOLE = "http://127.0.0.1:8083/";

	private static final Path SCREENSHOT = Path.of("target", "console.png");

	private static final Path DOCS_SCREENSHOT = Path.of("..", "docs", "images", "console.png");

	private ConsoleBrowser console;

	@BeforeAll
	void startStackAndBrowser() {
		BrowserBinaries binaries = ConsoleBrowser.binaries();
		SharedStack.get();
		this.console = ConsoleBrowser.open(CONSOLE, binaries, DemoUser.customer("c-1"));
	}

	@AfterAll
	void screenshotAndCloseTheBrowser() throws IOException {
		if (this.console != null) {
			this.console.screenshot(SCREENSHOT);
			if (Boolean.getBoolean("orderflow.updateScreenshots")) {
				Files.createDirectories(DOCS_SCREENSHOT.getParent());
				Files.copy(SCREENSHOT, DOCS_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
			}
			this.console.close();
		}
	}

	@Test
	@Order(0)
	void theConsoleSignedInThroughTheAuthorizationServerAndSaysWho() {
		assertThat(this.console.signedIn()).isEqualTo("Signed in as c-1 (customer)");
	}

	@Test
	@Order(1)
	void orderPlacedThroughTheFormReachesConfirmedOnItsTimeline() {
		String orderId = this.console.placeOrder("SKU-001", 2, "ada@example.com");

		this.console.awaitStatus(orderId, "CONFIRMED");
		this.console.awaitTimelineStep(orderId, "StockReserved", "inventory-service");
		this.console.awaitTimelineStep(orderId, "OrderConfirmed", "order-service");
		assertThat(this.console.timeline(orderId)).startsWith("OrderPlaced")
			.containsSubsequence("OrderPlaced", "StockReserved", "OrderConfirmed");
	}

	@Test
	@Order(2)
	void orderForAnUnknownSkuIsRejectedWithTheReason() {
		String orderId = this.console.placeOrder("SKU-NOT-IN-STOCK", 1, "cy@example.com");

		this.console.awaitStatus(orderId, "REJECTED");
		assertThat(this.console.reason(orderId)).contains("unknown SKU", "SKU-NOT-IN-STOCK");
		this.console.awaitTimelineStep(orderId, "StockRejected", "inventory-service");
	}

	@Test
	@Order(3)
	void scarceSkuScenarioIsRejectedForInsufficientStock() {
		String orderId = this.console.orderAScarceSku();

		this.console.awaitStatus(orderId, "REJECTED");
		assertThat(this.console.reason(orderId)).contains("insufficient stock", "SKU-SCARCE");
	}

	@Test
	@Order(4)
	void cancellingAConfirmedOrderReturnsItsStock() {
		int before = this.console.available("SKU-002");
		String orderId = this.console.placeOrder("SKU-002", 3, "dee@example.com");
		this.console.awaitStatus(orderId, "CONFIRMED");
		this.console.awaitAvailable("SKU-002", before - 3);

		this.console.cancel(orderId);

		this.console.awaitStatus(orderId, "CANCELLED");
		this.console.awaitAvailable("SKU-002", before);
		assertThat(this.console.timeline(orderId)).contains("OrderCancelled");
	}

}

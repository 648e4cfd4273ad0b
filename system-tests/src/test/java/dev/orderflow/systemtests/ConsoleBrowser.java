package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.orderflow.authclient.DemoUser;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console as a test sees it: the system's Chrome or Chromium
 * ({@link BrowserBinaries}), headless, driven through its own chromedriver (never one
 * Selenium Manager would download), with page-level actions in the console's words.
 */
final class ConsoleBrowser implements AutoCloseable {

	private static final Path INSTALL_LOG = Path.of("target", "apt-get-chromium.log");

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	// A 16:10 projector: 1600 x 1000 CSS pixels of page once the window's own frame is
	// taken off.
	private static final String WINDOW_SIZE = "--window-size=1600,1143";

	private final ChromeDriver driver;

	private final Path profile;

	private ConsoleBrowser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Finds (or, on Debian as root, installs) the browser: before a stack is started for
	 * nothing.
	 */
	static BrowserBinaries binaries() {
		return BrowserBinaries.findOrInstall(INSTALL_LOG);
	}

	/**
	 * Opens the console, which sends the browser to the authorization server's login
	 * form, and signs in there.
	 */
	static ConsoleBrowser open(String url, BrowserBinaries binaries, DemoUser user) {
		// The explicit driver path keeps Selenium Manager from looking for (or
		// downloading) one.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, binaries.driver().toString());
		Path profile = tempProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binaries.browser().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", WINDOW_SIZE, "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(binaries.driver().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		ConsoleBrowser browser = new ConsoleBrowser(driver, profile);
		driver.get(url);
		browser.signIn(user);
		browser.awaitReady();
		return browser;
	}

	/**
	 * On the authorization server's own login page (Spring Security's form): user name,
	 * password, submit.
	 */
	private void signIn(DemoUser user) {
		await(SAGA_TIMEOUT, (d) -> !d.findElements(By.id("username")).isEmpty());
		type("username", user.username());
		type("password", user.password());
		this.driver.findElement(By.cssSelector("button[type='submit']")).click();
		await(SAGA_TIMEOUT, (d) -> d.findElement(By.id("signed-in")).getText().startsWith("Signed in as"));
	}

	/** What the console's header says about who is signed in. */
	String signedIn() {
		return retried((d) -> d.findElement(By.id("signed-in")).getText());
	}

	/** Live stream connected and stock loaded: from here on, no saga event is missed. */
	void awaitReady() {
		await(SAGA_TIMEOUT, (d) -> "live".equals(d.findElement(By.id("connection")).getDomAttribute("data-state"))
				&& !d.findElements(By.cssSelector("#sku-options option")).isEmpty());
	}

	/** Fills the form and submits it; returns the id of the order the console placed. */
	String placeOrder(String sku, int quantity, String email) {
		String before = lastPlacedOrderId();
		type("sku", sku);
		type("quantity", String.valueOf(quantity));
		type("email", email);
		this.driver.findElement(By.id("place-order")).click();
		return awaitNewPlacedOrder(before);
	}

	/**
	 * Clicks the "Order a scarce SKU" scenario; returns the id of the order it placed.
	 */
	String orderAScarceSku() {
		String before = lastPlacedOrderId();
		this.driver.findElement(By.id("scarce")).click();
		return awaitNewPlacedOrder(before);
	}

	void awaitStatus(String orderId, String status) {
		await(SAGA_TIMEOUT, (d) -> status.equals(order(d, orderId).getDomAttribute("data-status"))
				&& status.equals(order(d, orderId).findElement(By.className("status")).getText()));
	}

	/** The event types on the order's timeline, in the order shown. */
	List<String> timeline(String orderId) {
		return retried((d) -> order(d, orderId).findElements(By.cssSelector(".timeline .step"))
			.stream()
			.map((step) -> step.getDomAttribute("data-type"))
			.toList());
	}

	void awaitTimelineStep(String orderId, String type, String source) {
		try {
			await(SAGA_TIMEOUT,
					(d) -> order(d, orderId).findElements(By.cssSelector(".step[data-type='" + type + "'] .step-meta"))
						.stream()
						.anyMatch((meta) -> meta.getText().contains(source)));
		}
		catch (TimeoutException ex) {
			// what the card showed instead, so that a failure says which step is missing
			// and why
			throw new AssertionError("No " + type + " step from " + source + " on the card of order " + orderId
					+ "; the card: " + cardHtml(orderId) + "; the announcer: "
					+ this.driver.findElement(By.id("announcer")).getText(), ex);
		}
	}

	private String cardHtml(String orderId) {
		List<WebElement> cards = this.driver.findElements(By.cssSelector("li.order[data-order-id='" + orderId + "']"));
		return cards.size() + " card(s) " + cards.stream().map((card) -> card.getDomProperty("outerHTML")).toList();
	}

	String reason(String orderId) {
		return retried((d) -> order(d, orderId).findElement(By.className("reason")).getText());
	}

	void cancel(String orderId) {
		retried((d) -> {
			order(d, orderId).findElement(By.cssSelector("button.cancel")).click();
			return true;
		});
	}

	int available(String sku) {
		return retried((d) -> Integer.parseInt(
				d.findElement(By.cssSelector("#stock tr[data-sku='" + sku + "'] td.available")).getText().trim()));
	}

	void awaitAvailable(String sku, int expected) {
		await(SAGA_TIMEOUT, (d) -> available(sku) == expected);
	}

	void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private String awaitNewPlacedOrder(String before) {
		return await(SAGA_TIMEOUT, (d) -> {
			String now = lastPlacedOrderId();
			return (now != null && !now.equals(before)) ? now : null;
		});
	}

	private String lastPlacedOrderId() {
		return this.driver.findElement(By.id("form-result")).getDomAttribute("data-order-id");
	}

	private void type(String id, String text) {
		WebElement input = this.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private static WebElement order(WebDriver driver, String orderId) {
		return driver.findElement(By.cssSelector("li.order[data-order-id='" + orderId + "']"));
	}

	// The console re-renders a card on every event: look elements up again when they go
	// stale.
	private <T> T retried(Function<WebDriver, T> query) {
		return await(Duration.ofSeconds(10), query);
	}

	private <T> T await(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(200))
			.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.ignoring(NumberFormatException.class)
			.until(condition::apply);
	}

	private static Path tempProfile() {
		try {
			return Files.createTempDirectory("orderflow-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteProfile() {
		try (Stream<Path> paths = Files.walk(this.profile)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}

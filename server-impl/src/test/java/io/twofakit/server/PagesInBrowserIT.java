package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.browser.HeadlessChromium;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import io.twofakit.server.process.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person sees them, in a real headless Chromium against the runnable jar: the landing page and its
 * links, Swagger UI at {@code /docs} with a "Try it out" that calls the server with the API key, and the simulator
 * page following an account live (a message appears without a reload, the clock moves, failed webhook events are
 * delivered again). Screenshots go to {@code target/screenshots/}. No page may break its Content-Security-Policy
 * or throw a script error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInBrowserIT {

    private static final String KEY = "key-of-the-browser-test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Path folder;
    private HeadlessChromium browser;
    private ServerProcess server;
    private OtpTestApi api;
    private String base;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        folder = Files.createTempDirectory("twofa-pages");
        browser = HeadlessChromium.start(folder);
        // one attempt per webhook event: a receiver that refuses it makes it FAILED at once
        server = ServerProcess.start(folder, folder.resolve("server.log"), List.of("--port", "0",
                "--api-key", KEY + "=browser", "--webhook-attempts", "1", "--webhook-retry-base", "100ms"));
        base = server.baseUri().toString();
        api = new OtpTestApi(server.baseUri());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theLandingPageLinksEveryPageAndEachAnswers() {
        WebDriver driver = browser.driver();
        driver.get(base + "/");
        assertEquals("twofa-kit server", driver.findElement(By.tagName("h1")).getText());
        Set<String> links = driver.findElements(By.cssSelector("main a")).stream()
                .map(link -> URI.create(link.getAttribute("href")).getPath())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("/docs", "/openapi.yaml", "/extensions.yaml", "/simulator", "/health",
                "/health/ready", "/health/live")), links);
        for (String link : links) {
            assertEquals(200, api.send(null, "GET", link.substring(1), null).statusCode(), link);
        }
        browser.screenshot("landing");
        assertNoScriptOrPolicyErrors("/");
    }

    @Test
    @Order(2)
    void swaggerUiShowsBothContractsAndTriesAnOperationWithTheApiKey() {
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/sms",
                "{\"name\":\"docs_login\",\"language\":\"en\",\"message\":\"Code {{otp_code}}\"}"));
        ChromeDriver driver = browser.driver();
        driver.get(base + "/docs");
        WebElement title = waitFor(d -> d.findElement(By.cssSelector(".swagger-ui .info .title")));
        assertTrue(title.getText().contains("tyntec 2FA"), title.getText());
        List<String> contracts = new Select(driver.findElement(By.cssSelector(".topbar select"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("tyntec 2FA API v4 (openapi.yaml)", "twofa-kit extensions (extensions.yaml)"), contracts);
        browser.screenshot("docs");

        // a link straight to one operation opens it (loaded anew: a change of the fragment alone is not a load)
        driver.get("about:blank");
        driver.get(base + "/docs#/SmsTemplates/listSmsTemplates");
        waitFor(d -> d.findElement(By.cssSelector("#operations-SmsTemplates-listSmsTemplates .try-out__btn")));

        // Swagger UI scrolls the linked operation into view when it likes, which can put its header over the
        // Authorize button at the top: the button is pressed where it is, whatever lies over it
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()",
                driver.findElement(By.cssSelector(".auth-wrapper .authorize")));
        WebElement keyField = waitFor(d -> d.findElement(By.cssSelector(".modal-ux input[type=text]")));
        keyField.sendKeys(KEY);
        driver.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper .authorize")).click();
        driver.findElement(By.cssSelector(".modal-ux .btn-done")).click();

        WebElement operation = waitFor(d -> d.findElement(By.id("operations-SmsTemplates-listSmsTemplates")));
        operation.findElement(By.cssSelector(".try-out__btn")).click();
        operation.findElement(By.cssSelector(".execute")).click();
        WebElement status = waitFor(d -> operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")));
        assertEquals("200", status.getText().trim());
        String body = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText();
        assertTrue(body.contains("docs_login"), body);
        String requestUrl = operation.findElement(By.cssSelector(".request-url pre")).getText().trim();
        assertEquals(base + "/2fa/v4/templates/sms", requestUrl, "Try it out calls this server");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", operation);
        browser.screenshot("docs-try-it-out");

        new Select(driver.findElement(By.cssSelector(".topbar select"))).selectByIndex(1);
        WebElement extensions = waitFor(d -> d.findElement(By.cssSelector(".swagger-ui .info .title")));
        waitFor(d -> extensions.getText().contains("twofa-kit extensions") ? extensions : null);
        assertNoScriptOrPolicyErrors("/docs");
    }

    @Test
    @Order(3)
    void theSimulatorPageFollowsTheAccountLive() {
        try (RecordingWebhookReceiver receiver = RecordingWebhookReceiver.start()) {
            receiver.failNext(Integer.MAX_VALUE, 503);
            String profile = api.smsProfile(KEY, "Your browser test code: {{otp_code}}");
            api.callback(KEY, receiver.url("/twofa-events"), profile);

            ChromeDriver driver = browser.driver();
            driver.get(base + "/simulator");
            driver.findElement(By.id("key")).sendKeys(KEY);
            driver.findElement(By.cssSelector("#login button")).click();
            waitFor(d -> d.findElement(By.id("no-messages")).isDisplayed() ? true : null);
            ((JavascriptExecutor) driver).executeScript("window.notReloaded = true");

            String to = OtpTestApi.newNumber();
            api.sendOtp(KEY, to, profile, null);
            String text = waitFor(d -> api.messagesTo(KEY, to).stream().findFirst().orElse(null)).get("text").asText();
            WebElement message = waitFor(d -> rowContaining(d, "messages", text));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded"),
                    "the message appeared without a reload");
            String messageTime = message.findElement(By.cssSelector("td.time")).getText();

            // both events of the OTP (DISPATCHED, DELIVERED) fail at the receiver, each shown with its callback URL
            List<WebElement> failed = waitFor(d -> {
                List<WebElement> rows = rows(d, "webhooks");
                return rows.size() == 2 && rows.stream().allMatch(row -> cell(row, 5).equals("FAILED")) ? rows : null;
            });
            for (WebElement row : failed) {
                assertEquals(receiver.url("/twofa-events"), cell(row, 4));
            }
            // one clock: the events' times and the message's time are the account's, shown the same way
            LocalDateTime deliveredEvent = LocalDateTime.parse(cell(failed.get(0), 0), SHOWN);
            assertTrue(Duration.between(LocalDateTime.parse(messageTime, SHOWN), deliveredEvent).abs().toSeconds() <= 2,
                    "message at " + messageTime + ", its DELIVERED event at " + deliveredEvent);
            browser.screenshot("simulator-live");

            String before = driver.findElement(By.id("clock-now")).getText();
            WebElement amount = driver.findElement(By.id("advance-amount"));
            amount.clear();
            amount.sendKeys("2");
            new Select(driver.findElement(By.id("advance-unit"))).selectByVisibleText("hours");
            driver.findElement(By.id("advance")).click();
            waitFor(d -> d.findElement(By.id("clock-offset")).getText().contains("2 h 0 min ahead of real time") ? true : null);
            LocalDateTime moved = LocalDateTime.parse(driver.findElement(By.id("clock-now")).getText(), SHOWN);
            assertTrue(Duration.between(LocalDateTime.parse(before, SHOWN), moved).toSeconds() >= 7199,
                    before + " -> " + moved);
            JsonNode clock = expect(200, api.send(KEY, "GET", "simulator/clock", null));
            // the account's clock, not the browser's: two hours ahead of the server's real time
            assertTrue(Duration.between(Instant.parse(clock.get("realTime").asText()),
                    Instant.parse(clock.get("now").asText())).toSeconds() >= 7199, clock.toString());

            receiver.failNext(0, 503);
            driver.findElement(By.id("redeliver")).click();
            waitFor(d -> d.findElement(By.id("redelivered")).getText().equals("2 failed deliveries put back in line.")
                    ? true : null);
            waitFor(d -> {
                List<WebElement> rows = rows(d, "webhooks");
                return rows.size() == 2 && rows.stream().allMatch(row -> cell(row, 5).equals("DELIVERED")) ? true : null;
            });
            assertEquals(2, receiver.received().stream().filter(r -> r.header("X-Auth") != null)
                    .map(r -> r.header("X-Twofa-Event-Id")).distinct().count() , "both events reached the receiver");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded"));
            browser.screenshot("simulator-redelivered");
            assertNoScriptOrPolicyErrors("/simulator");
        }
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static List<WebElement> rows(WebDriver driver, String table) {
        return driver.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static WebElement rowContaining(WebDriver driver, String table, String text) {
        return rows(driver, table).stream().filter(row -> row.getText().contains(text)).findFirst().orElse(null);
    }

    private static String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getText();
    }

    /** The console since the last look: no refused load (Content-Security-Policy) and no uncaught script error. */
    private void assertNoScriptOrPolicyErrors(String page) {
        List<String> offending = new ArrayList<>();
        for (String message : browser.consoleMessages()) {
            if (message.contains("Content Security Policy") || message.contains("Refused to") || message.contains("Uncaught")) {
                offending.add(message);
            }
        }
        assertFalse(!offending.isEmpty(), () -> page + " broke its policy or threw: " + offending);
    }
}

package io.twofakit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.twofakit.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The pages for people, as HTTP sees them: public, static, each with its policy; Swagger UI's files from the jar;
 * the contract files as in {@code spec/}, with this server first in {@code servers}. (In a browser:
 * {@code PagesInBrowserIT}.)
 */
class PagesTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    private static TwofaServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        server = start(true);
        http = new HttpClientSupport(URI.create(server.baseUri() + "/"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static TwofaServer start(boolean simulator) {
        return TwofaServer.start(new ServerConfig(0, "jdbc:h2:mem:pages-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", Map.of("key-for-acme-1", "acme"), false,
                simulator));
    }

    @Test
    void theLandingPageLinksEveryPageAndRunsNoScript() {
        HttpResponse<String> landing = get(http, "");

        assertPage(landing);
        assertTrue(landing.headers().firstValue("Content-Security-Policy").orElseThrow()
                .startsWith("default-src 'none'; style-src 'unsafe-inline';"));
        assertFalse(landing.body().contains("<script"));
        assertEquals(List.of("docs", "openapi.yaml", "extensions.yaml", "simulator", "health", "health/ready",
                "health/live"), links(landing.body()));
        for (String link : links(landing.body())) {
            assertEquals(200, get(http, link).statusCode(), link);
        }
    }

    @Test
    void withoutTheSimulatorTheLandingPageDoesNotLinkIt() {
        try (TwofaServer off = start(false)) {
            HttpResponse<String> landing = get(new HttpClientSupport(URI.create(off.baseUri() + "/")), "");

            assertEquals(200, landing.statusCode());
            assertFalse(links(landing.body()).contains("simulator"), landing.body());
            assertFalse(landing.body().contains("Simulator"), landing.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs", "docs/"})
    void swaggerUiLoadsOnlyItsOwnFilesFromThisServer(String path) {
        HttpResponse<String> docs = get(http, path);

        assertPage(docs);
        assertTrue(docs.headers().firstValue("Content-Security-Policy").orElseThrow()
                .startsWith("default-src 'none'; script-src 'self';"));
        List<String> files = links(docs.body());
        assertEquals(List.of("/docs/swagger-ui.css", "/docs/favicon-32x32.png", "/docs/favicon-16x16.png",
                "/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js", "/docs/twofa-docs.js"), files);
        for (String file : files) {
            HttpResponse<String> answer = get(http, file.substring(1));
            String expectedType = file.endsWith(".css") ? "text/css" : file.endsWith(".js") ? "text/javascript" : "image/png";
            assertEquals(200, answer.statusCode(), file);
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith(expectedType), file);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow(), file);
            assertFalse(answer.body().isEmpty(), file);
        }
        String start = get(http, "docs/twofa-docs.js").body();
        assertTrue(start.contains("{url: \"/openapi.yaml\"") && start.contains("{url: \"/extensions.yaml\""), start);
    }

    @Test
    void onlySwaggerUisOwnFilesAreServed() {
        for (String name : List.of("index.html", "swagger-initializer.js", "swagger-ui-es-bundle.js", "swagger-ui.js",
                "..%2F..%2Fspec%2Fopenapi.yaml", "%2e%2e")) {
            HttpResponse<String> answer = get(http, "docs/" + name);
            assertEquals(404, answer.statusCode(), name);
            assertEquals(404, HttpClientSupport.json(answer).get("status").asInt(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openapi.yaml", "extensions.yaml"})
    void theContractFilesAreTheBuiltOnesWithThisServerFirst(String file) {
        HttpResponse<String> served = get(http, file);

        assertEquals(200, served.statusCode());
        assertEquals("application/yaml;charset=UTF-8", served.headers().firstValue("Content-Type").orElseThrow());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, null);
        assertNotNull(parsed.getOpenAPI(), () -> String.valueOf(parsed.getMessages()));
        assertEquals("/", parsed.getOpenAPI().getServers().get(0).getUrl());
        // the rest is the file of spec/, line for line
        List<String> lines = new ArrayList<>(served.body().lines().toList());
        int servers = lines.indexOf("servers:");
        assertEquals(List.of("  - url: /", "    description: this server (the one that served this file)"),
                List.copyOf(lines.subList(servers + 1, servers + 3)));
        lines.subList(servers + 1, servers + 3).clear();
        assertEquals(classpath("spec/" + file).lines().toList(), lines);
    }

    @Test
    void theSimulatorPageIsLiveAndKeepsItsPolicy() {
        HttpResponse<String> page = get(http, "simulator");

        assertPage(page);
        assertEquals("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self';"
                + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(page.body().contains("const POLL_MILLIS = 1500;"), "reads the account again every 1.5 s");
    }

    @Test
    void aHeadOfAPageAnswersItsHeadersWithoutTheBody() {
        HttpResponse<String> head = http.send(http.request("docs/swagger-ui.css")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertEquals("", head.body());
    }

    private static void assertPage(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.body().startsWith("<!DOCTYPE html>"));
    }

    private static HttpResponse<String> get(HttpClientSupport client, String path) {
        return client.send(client.request(path).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }

    private static String classpath(String resource) {
        try (InputStream in = PagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

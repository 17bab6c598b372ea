package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.twofakit.conformance.ScenarioState;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * twofa-kit's pages for people (an extension, not part of tyntec's API): the landing page, the API documentation
 * and the contract files. A page's links are read from its HTML and followed like a browser would.
 */
public class PageSteps {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern LOADED = Pattern.compile("<(?:script|link)\\b[^>]*?(?:src|href)=\"([^\"]+)\"");

    private final ScenarioState state;
    private String fetched;

    public PageSteps(ScenarioState state) {
        this.state = state;
    }

    @When("it opens the landing page")
    public void itOpensTheLandingPage() {
        open("/");
    }

    @When("it opens the API documentation")
    public void itOpensTheApiDocumentation() {
        open("/docs");
    }

    @When("it downloads the contract file {string}")
    public void itDownloadsTheContractFile(String file) {
        fetched = "/" + file;
        state.received(state.client().extension().accept("application/yaml").get(fetched));
    }

    @Then("it gets a page that links {string}, {string}, {string} and {string}, each of which opens")
    public void itGetsAPageThatLinks(String first, String second, String third, String fourth) {
        List<String> links = matches(HREF, page());
        for (String wanted : List.of(first, second, third, fourth)) {
            assertTrue(links.contains(wanted), () -> "the page links " + links + ", not " + wanted);
        }
        for (String link : links) {
            assertOpens(link);
        }
    }

    @Then("it gets a page whose scripts and style sheets all come from the server, and each of them loads")
    public void itGetsAPageWhoseFilesComeFromTheServer() {
        List<String> files = matches(LOADED, page());
        assertFalse(files.isEmpty(), "the page loads no script and no style sheet");
        for (String file : files) {
            assertFalse(URI.create(file).isAbsolute() || file.startsWith("//"), () -> "loaded from elsewhere: " + file);
            assertOpens(file);
        }
    }

    @Then("the file is the contract {string}, with the server that served it as its first server")
    public void theFileIsTheContractWithThisServerFirst(String title) {
        Response file = state.lastResponse();
        assertStatus(200, file);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(file.asString(), null, null);
        assertNotNull(parsed.getOpenAPI(), () -> "not an OpenAPI document: " + parsed.getMessages());
        assertEquals(title, parsed.getOpenAPI().getInfo().getTitle());
        URI fileUrl = URI.create(state.config().baseUrl() + fetched);
        URI firstServer = fileUrl.resolve(parsed.getOpenAPI().getServers().get(0).getUrl());
        assertEquals(URI.create(state.config().baseUrl() + "/").resolve("/"), firstServer.resolve("/"),
                () -> "the first server is " + parsed.getOpenAPI().getServers().get(0).getUrl());
    }

    private void open(String path) {
        fetched = path;
        state.received(state.client().extension().accept("text/html").get(path));
    }

    private String page() {
        Response page = state.lastResponse();
        assertStatus(200, page);
        assertTrue(page.contentType().startsWith("text/html"), () -> describe(page));
        return page.asString();
    }

    /** A link or file of the fetched page, resolved against the page's own URL as a browser does, answers 200. */
    private void assertOpens(String link) {
        URI target = URI.create(state.config().baseUrl() + fetched).resolve(link);
        Response answer = state.client().extension().accept("*/*").get(target.getRawPath());
        assertEquals(200, answer.statusCode(), () -> link + " (" + target + "): " + describe(answer));
    }

    private static List<String> matches(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

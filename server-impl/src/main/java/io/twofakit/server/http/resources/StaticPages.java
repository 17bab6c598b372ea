package io.twofakit.server.http.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The landing page ({@code landing.html}) and the page of Swagger UI ({@code api-docs.html}), beside this class,
 * read once at start-up, with the Content-Security-Policy each is sent with.
 */
final class StaticPages {

    /** The landing page runs no script and loads nothing: only its own inline style. */
    static final String LANDING_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
            + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * Swagger UI runs only its files from this server (no inline script) and calls only this server; its components
     * set inline styles, and its style sheet has its icons inline as {@code data:} images.
     */
    static final String API_DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** The part of the landing page about the simulator, left out while it is off. */
    private static final Pattern SIMULATOR_PART = Pattern.compile("<!-- simulator -->.*?<!-- /simulator -->\\s*",
            Pattern.DOTALL);

    private final String landing;
    private final String apiDocs;

    StaticPages(boolean simulator) {
        String page = load("landing.html");
        this.landing = simulator ? page : SIMULATOR_PART.matcher(page).replaceAll("");
        this.apiDocs = load("api-docs.html");
    }

    String landing() {
        return landing;
    }

    String apiDocs() {
        return apiDocs;
    }

    static String load(String name) {
        try (InputStream in = StaticPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + StaticPages.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

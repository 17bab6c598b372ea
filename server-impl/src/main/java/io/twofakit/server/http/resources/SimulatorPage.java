package io.twofakit.server.http.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's HTML page ({@code simulator.html} beside this class). It holds no data: it asks for an API key,
 * keeps it in the browser's session storage and reads the account's messages, webhook deliveries and time from
 * the keyed controls every 1.5 s, putting every value into the page as text (never as HTML).
 */
final class SimulatorPage {

    /** What the page may do: run its own inline script and style, and fetch from this server only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final String HTML = load();

    private SimulatorPage() {
    }

    static String html() {
        return HTML;
    }

    private static String load() {
        try (InputStream in = SimulatorPage.class.getResourceAsStream("simulator.html")) {
            if (in == null) {
                throw new IllegalStateException("simulator.html is missing beside " + SimulatorPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

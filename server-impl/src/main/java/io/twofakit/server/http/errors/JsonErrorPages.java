package io.twofakit.server.http.errors;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The "error page" of every error that Grizzly's HTTP server answers by itself (a handler that threw, a server
 * shutting down): the API's JSON error shape instead of Grizzly's HTML page with its name, version and the
 * stack trace. A 5xx is logged with an error id that the body names, like {@link UnexpectedExceptionMapper}.
 */
public final class JsonErrorPages implements ErrorPageGenerator {

    private static final Logger LOG = Logger.getLogger(JsonErrorPages.class.getName());

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        // Grizzly sets text/html only when no content type is set yet
        request.getResponse().setContentType("application/json");
        byte[] body;
        if (!request.getContext().getConnection().isOpen()) {
            // e.g. Jersey could not write its answer because the client went away: nobody will read this
            LOG.fine(() -> "No " + status + " answer sent: the client closed the connection (" + description + ")");
            body = WireErrorBodies.body(ErrorResponses.error(status, reasonPhrase, null));
        } else if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Error answered by the HTTP server with " + status + " (error id " + errorId + "): "
                    + description, exception);
            body = WireErrorBodies.body(status == 500 ? ErrorResponses.internalError(errorId)
                    : ErrorResponses.error(status, reasonPhrase, "Error id " + errorId));
        } else {
            body = WireErrorBodies.body(ErrorResponses.error(status, reasonPhrase, null));
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}

package io.twofakit.server.http.errors;

import io.twofakit.server.store.DatabaseUnreachable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims: a database that cannot be reached is 503 (logged in one line, it is not a
 * fault of this server); anything else is a fault of the server: 500, logged with an id that the body names.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    /** Seconds a client is asked to wait before it tries again while the database is unreachable. */
    static final long RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseUnreachable.causes(exception)) {
            LOG.warning(() -> "Answered 503: the database cannot be reached (" + exception.getClass().getSimpleName()
                    + ")");
            return ErrorResponses.databaseUnavailable(RETRY_AFTER_SECONDS);
        }
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error (error id " + errorId + ")", exception);
        return ErrorResponses.internalError(errorId);
    }
}

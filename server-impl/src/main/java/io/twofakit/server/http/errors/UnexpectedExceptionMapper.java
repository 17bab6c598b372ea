package io.twofakit.server.http.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
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

    private final Predicate<Throwable> databaseUnreachable;

    /** @param databaseUnreachable whether a failure means that the database cannot be reached (the store knows) */
    public UnexpectedExceptionMapper(Predicate<Throwable> databaseUnreachable) {
        this.databaseUnreachable = Objects.requireNonNull(databaseUnreachable, "databaseUnreachable");
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (databaseUnreachable.test(exception)) {
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

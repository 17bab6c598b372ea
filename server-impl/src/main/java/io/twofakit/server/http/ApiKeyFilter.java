package io.twofakit.server.http;

import io.twofakit.server.domain.limits.FailedKeyAttempts;
import io.twofakit.server.http.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Map;
import org.glassfish.grizzly.http.server.Request;

/**
 * Lets a request to tyntec's API ({@code /2fa/v4/...}) in only with a known key in the header {@code apiKey},
 * and records the key's account on the request (see {@link RequestAccount}). Other paths, such as
 * {@code /health}, need no key.
 *
 * <p>Invalid keys are counted per client address ({@link FailedKeyAttempts}); an address that has presented too
 * many is refused (429, by {@code http.errors}) on every API request, whatever key it sends, until its window
 * has passed. The address is the TCP peer's: behind a reverse proxy every client has the proxy's address
 * ({@code X-Forwarded-For} is not trusted, a client can write anything there).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "apiKey";
    static final String GUARDED_PREFIX = "2fa/v4";

    private final Map<String, String> accountsByKey;
    private final FailedKeyAttempts failedKeys;

    /** Grizzly's request of the present call, for the client's address. */
    @Inject
    private Provider<Request> grizzlyRequest;

    /**
     * @param accountsByKey every accepted key and the account it acts for
     * @param failedKeys the invalid keys presented per client address
     */
    public ApiKeyFilter(Map<String, String> accountsByKey, FailedKeyAttempts failedKeys) {
        this.accountsByKey = Map.copyOf(accountsByKey);
        this.failedKeys = failedKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isGuarded(request.getUriInfo().getPath())) {
            return;
        }
        String address = grizzlyRequest.get().getRemoteAddr();
        failedKeys.checkNotBlocked(address);
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            request.abortWith(ErrorResponses.unauthorized("No API key found in request"));
            return;
        }
        String account = accountsByKey.get(key.trim());
        if (account == null) {
            failedKeys.recordFailure(address);
            request.abortWith(ErrorResponses.unauthorized("Invalid API key"));
            return;
        }
        request.setProperty(RequestAccount.PROPERTY, account);
        request.setSecurityContext(new RequestAccount.AccountSecurityContext(
                new RequestAccount.AccountPrincipal(account), request.getSecurityContext().isSecure()));
    }

    /** Whether a path (relative to the root, with or without leading or doubled slashes) needs a key. */
    static boolean isGuarded(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        return normalized.equals(GUARDED_PREFIX) || normalized.startsWith(GUARDED_PREFIX + "/");
    }
}

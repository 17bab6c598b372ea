package io.twofakit.server.http;

import io.twofakit.server.http.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;

/**
 * Lets a request to tyntec's API ({@code /2fa/v4/...}) and to the account's webhook deliveries
 * ({@code /webhooks/...}) in only with a known key in the header {@code apiKey}, and records the key's account on
 * the request (see {@link RequestAccount}). Other paths, such as {@code /health}, need no key.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "apiKey";
    static final List<String> GUARDED_PREFIXES = List.of("2fa/v4", "webhooks");

    private final Map<String, String> accountsByKey;

    /** @param accountsByKey every accepted key and the account it acts for */
    public ApiKeyFilter(Map<String, String> accountsByKey) {
        this.accountsByKey = Map.copyOf(accountsByKey);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isGuarded(request.getUriInfo().getPath())) {
            return;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            request.abortWith(ErrorResponses.unauthorized("No API key found in request"));
            return;
        }
        String account = accountsByKey.get(key.trim());
        if (account == null) {
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
        for (String prefix : GUARDED_PREFIXES) {
            if (normalized.equals(prefix) || normalized.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}

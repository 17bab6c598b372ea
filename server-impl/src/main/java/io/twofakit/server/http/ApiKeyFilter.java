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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.Request;

/**
/**
 * Lets a request to tyntec's API ({@code /2fa/v4/...}), to the account's webhook deliveries ({@code /webhooks/...})
 * or to the simulator's controls ({@code /simulator/...}) in only with a known key in the header {@code apiKey},
 * and records the key's account on the request (see {@link RequestAccount}). Only {@code /health} and the pages
 * for people ({@code /}, {@code /docs}, the contract files, the simulator's page {@code /simulator}), which hold no
 * data, need no key. The simulator's paths are guarded whether
 * the simulator is on or not, so a client without a key cannot even learn that.
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
    static final List<String> API_PREFIX_SEGMENTS = List.of("2fa", "v4");
    static final String SIMULATOR_PREFIX = "simulator";
    static final String WEBHOOKS_PREFIX = "webhooks";

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

    /**
     * Whether a path (relative to the root, decoded) needs a key. Leading, trailing and doubled slashes and matrix
     * parameters ({@code ;name=value}, which Jersey ignores when it matches a resource) do not change the answer.
     */
    static boolean isGuarded(String path) {
        List<String> segments = Arrays.stream(path.split("/"))
                .map(segment -> segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment)
                .filter(segment -> !segment.isEmpty())
                .toList();
        boolean api = segments.size() >= 2 && segments.get(0).equals(API_PREFIX_SEGMENTS.get(0))
                && segments.get(1).equals(API_PREFIX_SEGMENTS.get(1));
        boolean simulatorControl = segments.size() >= 2 && segments.get(0).equals(SIMULATOR_PREFIX);
        boolean webhooks = !segments.isEmpty() && segments.get(0).equals(WEBHOOKS_PREFIX);
        return api || simulatorControl || webhooks;
    }
}

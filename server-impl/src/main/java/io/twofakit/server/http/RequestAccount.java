package io.twofakit.server.http;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The account a request acts for, as {@link ApiKeyFilter} found it from the request's API key.
 *
 * <p>In a resource: {@code @Context SecurityContext security;} then {@code RequestAccount.id(security)}.
 */
public final class RequestAccount {

    /**
     * Name of the request property that holds the account id: Jersey keeps request properties as attributes of
     * Grizzly's request, where the access log ({@link RequestLog}) reads it after the answer.
     */
    public static final String PROPERTY = "io.twofakit.accountId";

    private RequestAccount() {
    }

    public static String id(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (!(principal instanceof AccountPrincipal account)) {
            throw new IllegalStateException("The request has no account: is its path guarded by ApiKeyFilter?");
        }
        return account.getName();
    }

    /** The account as the request's user principal. */
    record AccountPrincipal(String accountId) implements Principal {
        @Override
        public String getName() {
            return accountId;
        }
    }

    /** Security context of a request with a valid API key. */
    record AccountSecurityContext(AccountPrincipal principal, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "apiKey";
        }
    }
}

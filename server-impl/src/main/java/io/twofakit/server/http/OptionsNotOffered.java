package io.twofakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The methods a path offers are those of the contract. Jersey would answer OPTIONS by itself, with a plain-text
 * list of methods; here it is answered 405 like any other method the path does not offer, with the contract's
 * methods in {@code Allow}.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public final class OptionsNotOffered implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())
                || !(request.getUriInfo() instanceof ExtendedUriInfo uriInfo)
                || uriInfo.getMatchedResourceMethod() == null) {
            return;
        }
        TreeSet<String> offered = new TreeSet<>();
        for (ResourceMethod method : uriInfo.getMatchedResourceMethod().getParent().getResourceMethods()) {
            offered.add(method.getHttpMethod());
        }
        offered.remove(HttpMethod.OPTIONS);
        offered.remove(HttpMethod.HEAD);
        String[] allowed = offered.toArray(String[]::new);
        throw new NotAllowedException(allowed[0], java.util.Arrays.copyOfRange(allowed, 1, allowed.length));
    }
}

package io.twofakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Records on each request the route template Jersey matched (e.g. {@code /2fa/v4/otp/{otp-id}}), for the request
 * metrics: labelled by template, never by the path a client sent (which would make a series per id).
 */
public final class RouteTemplates implements ContainerResponseFilter {

    /** Name of the request property (a Grizzly request attribute) that holds the template. */
    public static final String PROPERTY = "io.twofakit.routeTemplate";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uriInfo) {
            String template = template(uriInfo.getMatchedTemplates());
            if (template != null) {
                request.setProperty(PROPERTY, template);
            }
        }
    }

    /** The templates from the resource's down to the method's, joined; null when no resource matched. */
    static String template(List<UriTemplate> matched) {
        if (matched.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            String part = matched.get(i).getTemplate();
            if (!part.startsWith("/")) {
                path.append('/');
            }
            path.append(part);
        }
        String template = path.toString().replaceAll("/{2,}", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }
}

package io.twofakit.server.http.resources;

import io.twofakit.api.TemplatesApi;
import io.twofakit.server.domain.template.TemplateCatalog;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/** {@code GET /2fa/v4/templates}: the templates of every channel, WhatsApp included, in one shape. */
public class TemplateListResource implements TemplatesApi {

    private final TemplateCatalog catalog;

    @Context
    private SecurityContext security;

    public TemplateListResource(TemplateCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Response listTemplates() {
        return Response.ok(catalog.listAll(RequestAccount.id(security)).stream()
                .map(TemplateDtos::of)
                .toList()).build();
    }
}

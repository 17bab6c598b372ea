package io.twofakit.server.http.example;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Answers with what it was given, or fails on request, to exercise the HTTP infrastructure. */
public class ExampleResource implements ExampleApi {

    @Context
    private SecurityContext security;

    @Override
    public Response createExample(ExampleRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", RequestAccount.id(security));
        body.put("name", request.getName());
        body.put("nothing", null);
        body.put("createdAt", OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC));
        return Response.status(201).entity(body).build();
    }

    @Override
    public Response readExample(UUID id) {
        throw new ResourceNotFoundException(ResourceNotFoundException.Kind.PROFILE, id.toString());
    }

    @Override
    public Response listExamples(ExampleRequest.Language language, String name) {
        return Response.ok(List.of()).build();
    }

    @Override
    public Response fail(String what) {
        throw switch (what) {
            case "conflict" -> new ConflictException("Profile with name p already exists.").with("profileName", "p");
            default -> new IllegalStateException("boom: secret internals");
        };
    }
}

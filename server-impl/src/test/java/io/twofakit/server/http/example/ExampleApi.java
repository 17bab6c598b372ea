package io.twofakit.server.http.example;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A resource interface shaped like the generated ones, to test the HTTP layer without depending on the spec's details. */
@Path("/2fa/v4/examples")
public interface ExampleApi {

    @POST
    @Consumes({"application/json"})
    @Produces({"application/json"})
    Response createExample(@Valid @NotNull ExampleRequest exampleRequest);

    @GET
    @Path("/{id}")
    @Produces({"application/json"})
    Response readExample(@PathParam("id") UUID id);

    @GET
    @Produces({"application/json"})
    Response listExamples(@QueryParam("language") ExampleRequest.Language language,
                          @QueryParam("name") @Size(max = 5) String name);

    @GET
    @Path("/fail/{what}")
    @Produces({"application/json"})
    Response fail(@PathParam("what") String what);
}

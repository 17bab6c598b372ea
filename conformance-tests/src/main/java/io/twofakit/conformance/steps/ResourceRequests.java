package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResourceResponses.assertNotFound;
import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.twofakit.conformance.ApiClient;
import io.twofakit.conformance.ResourceWorld;
import io.twofakit.conformance.ResourceWorld.Created;
import io.twofakit.conformance.ScenarioState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The requests that priorities, profiles and callback configurations have in common: a collection under one path,
 * its items addressed by id, each created item remembered in the scenario's world under the scenario's name for
 * it and deleted when the scenario ends. A step class of one of these concepts keeps one of these and says in
 * its own steps what is particular to its concept.
 */
final class ResourceRequests {

    private final ScenarioState state;
    private final ResourceWorld world;
    private final String path;
    private final String itemPath;
    private final String kind;
    private final BiFunction<ApiClient, String, String> nameOfCreated;

    /**
     * @param path the collection, e.g. {@code /2fa/v4/priorities}; an item is {@code path/{id}}
     * @param kind how failures name an item, e.g. {@code priority}
     * @param nameOfCreated reads the name (or what stands for it) of a just created item, by its owner and id
     */
    ResourceRequests(ScenarioState state, ResourceWorld world, String path, String kind,
                     BiFunction<ApiClient, String, String> nameOfCreated) {
        this.state = state;
        this.world = world;
        this.path = path;
        this.itemPath = path + "/{id}";
        this.kind = kind;
        this.nameOfCreated = nameOfCreated;
    }

    /** The item's own path, with {@code {id}} in it. */
    String itemPath() {
        return itemPath;
    }

    /** Deletes every item the scenario created; one already gone is fine. */
    void deleteWhatTheScenarioCreated() {
        for (Created item : world.toDelete()) {
            Response response = item.owner().api().delete(itemPath, item.id());
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404,
                    () -> "cleaning up " + kind + " " + item.id() + ": " + describe(response));
        }
    }

    /** Posts {@code body} to the collection as {@code client}; what it creates is remembered under {@code base}. */
    void create(String base, ApiClient client, Map<String, Object> body) {
        received(base, client, client.api().contentType(ContentType.JSON).body(body).post(path));
    }

    /** Records the answer to a create; whatever was created (even when it should not have been) is deleted afterwards. */
    void received(String base, ApiClient client, Response response) {
        state.received(response);
        if (response.statusCode() == 201) {
            String id = response.jsonPath().getString("id");
            world.created(base, client, id, nameOfCreated.apply(client, id));
        }
    }

    /** Reads the item of that id, whatever the id is, as {@code client}. */
    void readById(ApiClient client, String id) {
        world.askedFor(id);
        state.received(client.api().get(itemPath, id));
    }

    /** Reads the item remembered under {@code base}, as {@code client}. */
    void read(ApiClient client, String base) {
        readById(client, world.get(base).id());
    }

    void list() {
        state.received(state.client().api().get(path));
    }

    /** Lists the items with the scenario's name for {@code base}. */
    void listNamed(String base) {
        state.received(state.client().api().queryParam("name", world.nameFor(base)).get(path));
    }

    /** The ids of the last answer, which must be a list. */
    List<String> listedIds() {
        Response response = state.lastResponse();
        assertStatus(200, response);
        return response.jsonPath().getList("id", String.class);
    }

    void patch(ApiClient client, String base, Map<String, Object> body) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(client.api().contentType(ContentType.JSON).body(body).patch(itemPath, id));
    }

    /** Renames the item remembered under {@code base}; once renamed, the world knows it under {@code newBase}. */
    void rename(String base, String newBase) {
        patch(state.client(), base, Map.of("name", world.nameFor(newBase)));
        if (state.lastResponse().statusCode() == 200) {
            world.renamed(base, newBase, world.nameFor(newBase));
        }
    }

    void delete(ApiClient client, String base) {
        String id = world.get(base).id();
        world.askedFor(id);
        state.received(client.api().delete(itemPath, id));
    }

    /** Reads, changes (with {@code change}) or deletes an item under an id that no item has. */
    void actOnAnUnknownId(String action, Map<String, Object> change) {
        String id = UUID.randomUUID().toString();
        world.askedFor(id);
        ApiClient client = state.client();
        state.received(switch (action) {
            case "reads" -> client.api().get(itemPath, id);
            case "changes" -> client.api().contentType(ContentType.JSON).body(change).patch(itemPath, id);
            case "deletes" -> client.api().delete(itemPath, id);
            default -> throw new IllegalArgumentException("reads, changes or deletes, not " + action);
        });
    }

    void assertNoLongerFound(String base) {
        String id = world.get(base).id();
        assertNotFound(id, state.client().api().get(itemPath, id));
    }
}

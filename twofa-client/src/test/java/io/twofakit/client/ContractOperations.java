package io.twofakit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The operations of {@code spec/openapi.yaml}, and which of them the client's calls were answered with a 2xx: the
 * proof that the tests call every operation through the generated client, and that each works.
 */
final class ContractOperations {

    /** One operation: method and path template, e.g. {@code GET /2fa/v4/otp/{otp-id}}. */
    record Operation(String method, String template, Pattern path) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private final List<Operation> operations;
    private final Set<Operation> succeeded = ConcurrentHashMap.newKeySet();
    private final Set<String> unmatched = ConcurrentHashMap.newKeySet();
    private final Set<String> testsRan = ConcurrentHashMap.newKeySet();

    private ContractOperations(List<Operation> operations) {
        this.operations = operations;
    }

    /** The operations of the contract in {@code twofa.spec.dir} (set by the pom; {@code ../spec} otherwise). */
    static ContractOperations fromSpec() {
        Path spec = Path.of(System.getProperty("twofa.spec.dir", "../spec"), "openapi.yaml");
        OpenAPI api = new OpenAPIV3Parser().read(spec.toString());
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().keySet().forEach(method ->
                operations.add(new Operation(method.name(), template, Pattern.compile(Arrays.stream(template.split("/"))
                        .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                        .collect(Collectors.joining("/")))))));
        return new ContractOperations(List.copyOf(operations));
    }

    /** Notes an answer; given to the generated client as its response interceptor (the body is left unread). */
    void record(HttpResponse<InputStream> response) {
        String method = response.request().method().toUpperCase(Locale.ROOT);
        String path = response.request().uri().getRawPath();
        List<Operation> matching = operations.stream()
                .filter(operation -> operation.method().equals(method) && operation.path().matcher(path).matches())
                .toList();
        if (matching.isEmpty()) {
            unmatched.add(method + " " + path);
        } else if (response.statusCode() / 100 == 2) {
            // of two matching templates (/templates/sms and /templates/{id}) the one with fewer parameters is meant
            succeeded.add(matching.stream().min((a, b) -> Long.compare(
                    a.template().chars().filter(c -> c == '{').count(),
                    b.template().chars().filter(c -> c == '{').count())).orElseThrow());
        }
    }

    void testRan(Method test) {
        testsRan.add(test.getName());
    }

    /**
     * Fails unless every operation was answered with a 2xx, once every test of the class has run (a run of some of
     * its tests proves nothing about coverage).
     */
    void assertEveryOneSucceededOnceEveryTestOf(Class<?> testClass) {
        Set<String> tests = Arrays.stream(testClass.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)
                        || method.isAnnotationPresent(ParameterizedTest.class))
                .map(Method::getName)
                .collect(Collectors.toSet());
        if (!testsRan.containsAll(tests)) {
            return;
        }
        assertEquals(42, operations.size(), "the contract's operations");
        List<Operation> missing = operations.stream().filter(operation -> !succeeded.contains(operation)).toList();
        assertEquals(List.of(), missing, "operations never answered with a 2xx (requests outside the contract: "
                + unmatched + ")");
    }
}

package io.twofakit.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text the databases can store as it was sent. PostgreSQL refuses the character U+0000 in text (the request
 * would fail in the database), and a UTF-16 surrogate without its partner is no character at all (PostgreSQL's
 * driver writes it as {@code ?}, so the text would silently change). Such text is refused with a 400 naming the
 * field, on every request, in one place: every string of a JSON body (values and object keys) as Jackson reads
 * it ({@link #jacksonModule()}), and every path and query parameter once Jersey has decoded it
 * ({@link ParameterCheck}).
 */
public final class StorableText {

    static final String NUL_MESSAGE = "must not contain the character U+0000";
    static final String SURROGATE_MESSAGE = "must not contain an unpaired UTF-16 surrogate";

    private StorableText() {
    }

    /** Why the text cannot be stored as it is, if it cannot. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of(NUL_MESSAGE);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(SURROGATE_MESSAGE);
            }
        }
        return Optional.empty();
    }

    /** Whether the text can be stored as it is. */
    public static boolean storable(String text) {
        return problem(text).isEmpty();
    }

    /** Jackson reads every string (values, elements, object keys) through the check. */
    public static Module jacksonModule() {
        SimpleModule module = new SimpleModule("StorableText");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        module.addKeyDeserializer(String.class, new CheckedKeyDeserializer());
        return module;
    }

    /**
     * A string of a JSON body that cannot be stored. Jackson adds the JSON path of the string as it passes
     * through; the error mappers name that path as the field.
     */
    public static final class UnstorableTextException extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        UnstorableTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                Optional<String> problem = problem(text);
                if (problem.isPresent()) {
                    throw new UnstorableTextException(parser, problem.get());
                }
            }
            return text;
        }
    }

    private static final class CheckedKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            Optional<String> problem = problem(key);
            if (problem.isPresent()) {
                throw new UnstorableTextException(context.getParser(), "has a key that " + problem.get());
            }
            return key;
        }
    }

    /**
     * Path and query parameters, decoded: a 400 with one violation per parameter that cannot be stored. Runs after
     * the request has been matched to an operation (so an unknown path stays a 404) and before its body is read.
     */
    @Priority(Priorities.USER)
    public static final class ParameterCheck implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            List<Violation> violations = new ArrayList<>();
            check(request.getUriInfo().getPathParameters(true), violations);
            check(request.getUriInfo().getQueryParameters(true), violations);
            if (!violations.isEmpty()) {
                request.abortWith(ErrorResponses.constraintViolations(violations));
            }
        }

        private static void check(MultivaluedMap<String, String> parameters, List<Violation> violations) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                String name = parameter.getKey();
                if (!storable(name)) {
                    violations.add(new Violation("query", "has a parameter name that " + problem(name).orElseThrow()));
                    continue;
                }
                for (String value : parameter.getValue()) {
                    problem(value).ifPresent(message -> violations.add(new Violation(name, message)));
                }
            }
        }
    }
}

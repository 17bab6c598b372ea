package io.twofakit.server.http.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.StorableText;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns what Jackson could not read into a violation that names the JSON field, without echoing the input. */
final class JsonProblems {

    static final String BODY = "body";
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    private JsonProblems() {
    }

    static Violation violation(JsonProcessingException exception) {
        // Jackson wraps JSON that ends inside an array or object in a mapping exception naming that property
        if (exception instanceof JsonMappingException mapping && !(mapping.getCause() instanceof JsonParseException)) {
            return mappingViolation(mapping);
        }
        if (exception.getCause() instanceof JsonParseException parse) {
            return violation(parse);
        }
        if (exception instanceof JsonParseException) {
            JsonLocation location = exception.getLocation();
            String where = location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return new Violation(BODY, "is not valid JSON" + where);
        }
        return new Violation(BODY, "cannot be read as JSON");
    }

    private static Violation mappingViolation(JsonMappingException exception) {
        String path = path(exception);
        if (exception instanceof StorableText.UnstorableTextException) {
            return new Violation(path.isEmpty() ? BODY : path, exception.getOriginalMessage());
        }
        Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(exception.getOriginalMessage()));
        if (missing.find()) {
            return new Violation(join(path, missing.group(1)), "must not be null");
        }
        Class<?> target = null;
        if (exception instanceof MismatchedInputException mismatched) {
            target = mismatched.getTargetType();
        } else if (exception instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            target = instantiation.getType().getRawClass();
        }
        if (exception instanceof InvalidFormatException || exception instanceof MismatchedInputException
                || exception instanceof ValueInstantiationException) {
            return new Violation(path.isEmpty() ? BODY : path, expectation(target));
        }
        return new Violation(path.isEmpty() ? BODY : path, "is invalid");
    }

    /** The JSON path of the problem, e.g. {@code channels[0].templates}; empty for the whole body. */
    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null && !StorableText.storable(reference.getFieldName())) {
                continue; // an object key that is itself the problem is not repeated
            }
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }

    static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == Long.class || target == int.class || target == long.class
                || target == Short.class || target == java.math.BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be a boolean";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date-time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}

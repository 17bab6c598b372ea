package io.twofakit.conformance.coverage;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One operation of the contract: method, path template, summary and the status codes it documents.
 * {@link #matches} tells whether a concrete request (ids filled in) is a call of this operation.
 */
public record ContractOperation(String method, String pathTemplate, String summary, SortedSet<Integer> documentedStatuses) {

    public ContractOperation {
        method = method.toUpperCase(Locale.ROOT);
        documentedStatuses = Collections.unmodifiableSortedSet(new TreeSet<>(documentedStatuses));
    }

    /** For example {@code GET /2fa/v4/otp/{otp-id}}. */
    public String key() {
        return method + " " + pathTemplate;
    }

    public boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && pathPattern().matcher(requestPath).matches();
    }

    /** How many path parameters the template has; of two matching templates, the one with fewer is meant. */
    int parameterCount() {
        return (int) pathTemplate.chars().filter(c -> c == '{').count();
    }

    private Pattern pathPattern() {
        String regex = Arrays.stream(pathTemplate.split("/", -1))
                .map(segment -> segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        return Pattern.compile(regex + "/?");
    }
}

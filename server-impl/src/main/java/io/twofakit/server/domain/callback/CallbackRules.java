package io.twofakit.server.domain.callback;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a callback configuration may hold, so that every event can actually be posted with it: an absolute
 * http(s) URL in ASCII without credentials, and custom headers whose names are HTTP tokens and whose values
 * are printable ASCII, leaving alone the headers that the server sets itself.
 */
public final class CallbackRules {

    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_HEADERS = 20;
    public static final int MAX_HEADER_NAME_LENGTH = 256;
    public static final int MAX_HEADER_VALUE_LENGTH = 1024;
    /** The header with the stable id of each event, by which receivers drop duplicates. */
    public static final String EVENT_ID_HEADER = "X-Twofa-Event-Id";

    /** Headers the server sets on every event, or that HTTP reserves for the connection: lower case. */
    private static final Set<String> RESERVED = Set.of("host", "content-type", "content-length", "transfer-encoding",
            "connection", "keep-alive", "proxy-connection", "upgrade", "expect", "te", "trailer",
            EVENT_ID_HEADER.toLowerCase(Locale.ROOT));
    /** RFC 9110 token: the characters a header name may consist of. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Printable ASCII, space and horizontal tab. */
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");
    private static final Pattern ASCII_WITHOUT_SPACE = Pattern.compile("[\\x21-\\x7E]+");

    private CallbackRules() {
    }

    /** Adds a violation of {@code url} when it is not an absolute http or https URL that events can be posted to. */
    public static void checkUrl(String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation("url", "must not be blank"));
        } else if (url.length() > MAX_URL_LENGTH) {
            violations.add(new Violation("url", "size must be between 1 and " + MAX_URL_LENGTH));
        } else if (!ASCII_WITHOUT_SPACE.matcher(url).matches()) {
            violations.add(new Violation("url", "must be an absolute http or https URL in ASCII (percent-encode other characters)"));
        } else {
            String problem = problemOf(url);
            if (problem != null) {
                violations.add(new Violation("url", problem));
            }
        }
    }

    private static String problemOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "must be an absolute http or https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain credentials (send them in a header instead)";
        }
        return null;
    }

    /** Adds a violation {@code headers.<name>} for each header that cannot or may not be sent as given. */
    public static void checkHeaders(Map<String, String> headers, List<Violation> violations) {
        if (headers.size() > MAX_HEADERS) {
            violations.add(new Violation("headers", "size must be between 0 and " + MAX_HEADERS));
        }
        Map<String, String> seen = new HashMap<>();
        headers.forEach((name, value) -> {
            String field = "headers." + name;
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > MAX_HEADER_NAME_LENGTH || !TOKEN.matcher(name).matches()) {
                violations.add(new Violation(field, "must be named by an HTTP token of at most " + MAX_HEADER_NAME_LENGTH
                        + " characters (letters, digits and !#$%&'*+-.^_`|~)"));
            } else if (RESERVED.contains(lower)) {
                violations.add(new Violation(field, "is set by the server and cannot be configured"));
            } else if (seen.putIfAbsent(lower, name) != null) {
                violations.add(new Violation(field, "repeats the header " + seen.get(lower) + " (header names are case-insensitive)"));
            }
            if (value.length() > MAX_HEADER_VALUE_LENGTH) {
                violations.add(new Violation(field, "size must be between 0 and " + MAX_HEADER_VALUE_LENGTH));
            } else if (!VALUE.matcher(value).matches()) {
                violations.add(new Violation(field, "must hold printable ASCII characters only"));
            }
        });
    }
}

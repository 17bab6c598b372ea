package io.twofakit.server.fuzz;

import io.twofakit.server.fuzz.BadRequests.BadRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run sent, and the offending answers, readable: method, target, body, status and what is wrong. */
final class FuzzReport {

    private static final int SHOWN = 60;

    private final String name;
    private final Map<String, Integer> sentByFamily = new TreeMap<>();
    private final List<String> offenders = new ArrayList<>();
    private int sent;
    private int fiveHundreds;
    private long slowestMillis = -1;
    private String slowest = "";

    FuzzReport(String name) {
        this.name = name;
    }

    void record(BadRequest request, RawHttp.Answer answer, List<String> problems, long millis) {
        sent++;
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowest = request.operation().name() + " / " + request.family() + ": " + request.what();
        }
        sentByFamily.merge(request.family().replaceAll("^(body property|path parameter|query parameter) .*", "$1"), 1, Integer::sum);
        if (answer.answered() && answer.status() >= 500) {
            fiveHundreds++;
        }
        if (!problems.isEmpty()) {
            offenders.add(describe(request) + "\n      -> " + (answer.answered()
                    ? answer.status() + " " + summary(answer.body(), 160) : "no answer") + "\n      !! " + String.join("; ", problems));
        }
    }

    /** A problem that belongs to no single answer (e.g. what the server logged). */
    void offend(String problem) {
        offenders.add(problem);
    }

    boolean clean() {
        return offenders.isEmpty();
    }

    int sent() {
        return sent;
    }

    int fiveHundreds() {
        return fiveHundreds;
    }

    String summary() {
        return "Contract fuzz [" + name + "]: " + sent + " requests, " + fiveHundreds + " answered 5xx, "
                + offenders.size() + " offenders; sent per kind " + sentByFamily + "; slowest answer " + slowestMillis
                + " ms (" + slowest + ")";
    }

    String details() {
        StringBuilder text = new StringBuilder(summary());
        offenders.stream().limit(SHOWN).forEach(offender -> text.append("\n  - ").append(offender));
        if (offenders.size() > SHOWN) {
            text.append("\n  ... and ").append(offenders.size() - SHOWN).append(" more");
        }
        return text.toString();
    }

    static String describe(BadRequest request) {
        RawHttp.Request http = request.request();
        String body = http.body() == null ? "no body" : "body " + summary(http.body(), 100);
        return request.operation().name() + " / " + request.family() + ": " + request.what()
                + "\n      " + http.method() + " " + abbreviate(http.target(), 120) + " [" + body + "]";
    }

    /** The start of a body, control characters and non-ASCII escaped, with its length. */
    static String summary(byte[] bytes, int max) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown + (text.length() > max ? "... (" + bytes.length + " bytes)" : "");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }
}

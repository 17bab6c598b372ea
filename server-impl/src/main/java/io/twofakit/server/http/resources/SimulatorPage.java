package io.twofakit.server.http.resources;

import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.webhook.WebhookRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The simulator's HTML page. Every value is escaped: message texts and senders come from clients. */
final class SimulatorPage {

    private SimulatorPage() {
    }

    static String render(Instant now, List<HandsetMessage> messages, List<WebhookRecord> webhooks) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>twofa-kit simulator</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append("th{background:#f4f4f4}</style></head><body>\n")
                .append("<h1>twofa-kit simulator</h1>\n<p>Server time: ").append(escape(now)).append("</p>\n");

        html.append("<h2>Messages (newest first)</h2>\n");
        if (messages.isEmpty()) {
            html.append("<p>No messages yet.</p>\n");
        } else {
            html.append("<table><tr><th>Time</th><th>Channel</th><th>To</th><th>Sender</th><th>Text</th>")
                    .append("<th>Outcome</th><th>OTP</th></tr>\n");
            for (HandsetMessage m : messages) {
                row(html, m.time(), m.channel(), m.to(), m.sender(), m.text(), m.outcome(), m.otpId());
            }
            html.append("</table>\n");
        }

        html.append("<h2>Webhook deliveries (newest first)</h2>\n");
        if (webhooks.isEmpty()) {
            html.append("<p>No webhook deliveries yet.</p>\n");
        } else {
            html.append("<table><tr><th>Created</th><th>Event</th><th>Channel</th><th>OTP</th><th>Callback</th>")
                    .append("<th>State</th><th>Attempts</th><th>Last error</th><th>Updated</th></tr>\n");
            for (WebhookRecord w : webhooks) {
                row(html, w.created(), w.eventStatus(), w.channel(), w.otpId(), w.callbackId(), w.state(),
                        w.attempts(), w.lastError(), w.updated());
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder html, Object... cells) {
        html.append("<tr>");
        for (Object cell : cells) {
            html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    /** Text safe in an HTML element or a quoted attribute. */
    static String escape(Object value) {
        String text = Objects.toString(value, "");
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package io.twofakit.server.config;

/** How the server writes its log lines to standard output. */
public enum LogFormat {
    /** One line of text per event: time, level, logger, message. */
    PLAIN,
    /** One JSON object per line, for log collectors: the same fields, and an access line's fields as properties. */
    JSON
}

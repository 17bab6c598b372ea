package io.twofakit.server.config;

import java.util.regex.Pattern;

/**
 * JDBC URLs as they may be shown: in the log, in messages, in {@code toString()}. A URL can carry the database's
 * password; shown, it never does.
 */
public final class DatabaseUrls {

    /** What a masked credential reads as. */
    public static final String MASK = "***";

    /**
     * A property whose name ends in "password" (password, sslpassword, FILE_PASSWORD, ...), in the query string
     * ({@code ?password=x&...}) or in the properties form ({@code ;password=x;...}, as H2 and others write it). Its
     * value runs to the next separator, white space, or a comma followed by white space (as in "url=..., next=").
     */
    private static final Pattern PASSWORD_PROPERTY =
            Pattern.compile("(?i)([?&;]\\s*[a-z_.-]*password\\s*=)[^&;,\\s]*(?:,(?!\\s)[^&;,\\s]*)*");
    /** The password of user information before the host, {@code //user:password@host}: up to the last {@code @}. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:\\s]*:)[^/?#\\s]*(@)");

    private DatabaseUrls() {
    }

    /** {@code text} with every password of a database URL in it replaced by {@value #MASK}; null stays null. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PROPERTY.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1" + MASK + "$2");
    }
}

package io.twofakit.junit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the code in a delivered message. The text was rendered from one of the account's templates, so matching it
 * against them tells the code exactly; a message no template explains (WhatsApp's, a template since changed) is read
 * by its looks: the code between WhatsApp's asterisks, or the one word of 4 to 11 lowercase letters and digits that
 * holds a digit.
 */
final class OtpCodes {

    private static final String CODE = "{{otp_code}}";
    private static final String EXPIRATION = "{{expiration_time}}";
    private static final Pattern WHATSAPP_CODE = Pattern.compile("\\*([^*\\s]{4,11})\\*");
    private static final Pattern LOOKS_LIKE_A_CODE = Pattern.compile("(?=[a-z]*[0-9])[a-z0-9]{4,11}");

    private OtpCodes() {
    }

    /** The code in {@code text}, if the templates or its looks tell it unambiguously. */
    static Optional<String> in(String text, List<String> templates) {
        Set<String> byTemplate = templates.stream()
                .map(template -> byTemplate(text, template))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (byTemplate.size() == 1) {
            return Optional.of(byTemplate.iterator().next());
        }
        Matcher whatsApp = WHATSAPP_CODE.matcher(text);
        if (whatsApp.find()) {
            return Optional.of(whatsApp.group(1));
        }
        Set<String> words = Arrays.stream(text.split("[^A-Za-z0-9]+"))
                .filter(word -> LOOKS_LIKE_A_CODE.matcher(word).matches())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return words.size() == 1 ? Optional.of(words.iterator().next()) : Optional.empty();
    }

    /** The code, when the text is this template rendered (the same code wherever the template has it). */
    static Optional<String> byTemplate(String text, String template) {
        if (!template.contains(CODE)) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        int codes = 0;
        int at = 0;
        while (at < template.length()) {
            if (template.startsWith(CODE, at)) {
                regex.append(codes == 0 ? "(.{4,11}?)" : "\\1");
                codes++;
                at += CODE.length();
            } else if (template.startsWith(EXPIRATION, at)) {
                regex.append("\\d+");
                at += EXPIRATION.length();
            } else {
                int next = nextPlaceholder(template, at);
                regex.append(Pattern.quote(template.substring(at, next)));
                at = next;
            }
        }
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static int nextPlaceholder(String template, int from) {
        int code = template.indexOf(CODE, from);
        int expiration = template.indexOf(EXPIRATION, from);
        int next = template.length();
        if (code >= 0) {
            next = Math.min(next, code);
        }
        if (expiration >= 0) {
            next = Math.min(next, expiration);
        }
        return next;
    }
}

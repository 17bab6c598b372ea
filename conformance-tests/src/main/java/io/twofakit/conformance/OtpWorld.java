package io.twofakit.conformance;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The OTPs one scenario sent: by the names its steps give them ("the OTP" when it names none), with the
 * recipient and the account that sent them, so that steps can find them and the scenario can delete them
 * afterwards. PicoContainer makes one per scenario.
 *
 * <p>A number written in a scenario stands for a number of the scenario's own ({@link #numberFor}): the written
 * digits with digits of the run appended, up to the 15 that E.164 allows. Servers limit how many OTPs an
 * account may send to one number in a while; the scenarios of a run, a second run and runs of others against a
 * shared server thus never add up on one number. What the digits begin with is kept, so the simulator's
 * numbers ({@code +9999900001...}) keep their fixed outcomes.
 */
public class OtpWorld {

    /** Digits appended to a written number (fewer when it has more than 11). */
    private static final int APPENDED_DIGITS = 4;
    private static final int MAX_DIGITS = 15;
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{7,15}");
    /** Appended digits of this run: from a random start, the next for each number a scenario writes. */
    private static final AtomicLong NEXT_APPENDIX = new AtomicLong(new SecureRandom().nextInt(100_000));

    /** The name of an OTP a step does not name. */
    public static final String THE_OTP = "the OTP";

    /** An OTP the scenario sent. */
    public record SentOtp(String name, String id, String to, String profile, ApiClient owner) {
    }

    private final Map<String, SentOtp> byName = new HashMap<>();
    private final List<SentOtp> sent = new ArrayList<>();
    private final Map<String, String> receivedCodes = new HashMap<>();
    private final Map<String, String> numbers = new HashMap<>();
    private String lastId;

    /**
     * The number {@code written} stands for in this scenario, the same for each mention; a text that is not a
     * number in E.164 (sent on purpose to be refused) stands for itself.
     */
    public String numberFor(String written) {
        if (!E164.matcher(written).matches()) {
            return written;
        }
        return numbers.computeIfAbsent(written, number -> {
            int digits = Math.min(APPENDED_DIGITS, MAX_DIGITS - (number.length() - 1));
            if (digits <= 0) {
                return number;
            }
            long modulus = (long) Math.pow(10, digits);
            return number + String.format("%0" + digits + "d", NEXT_APPENDIX.getAndIncrement() % modulus);
        });
    }

    public void sent(SentOtp otp) {
        byName.put(otp.name(), otp);
        sent.add(otp);
        lastId = otp.id();
    }

    public SentOtp get(String name) {
        SentOtp otp = byName.get(name);
        if (otp == null) {
            throw new IllegalStateException("The scenario has not sent an OTP named \"" + name + "\"");
        }
        return otp;
    }

    /** Every OTP the scenario sent, for deletion afterwards. */
    public List<SentOtp> all() {
        return List.copyOf(sent);
    }

    /** Remembers the code the recipient of an OTP received, as read from the handset. */
    public void codeReceived(String name, String code) {
        receivedCodes.put(name, code);
    }

    public String receivedCode(String name) {
        String code = receivedCodes.get(name);
        if (code == null) {
            throw new IllegalStateException("The scenario has not seen the code of \"" + name + "\" at the handset yet");
        }
        return code;
    }

    /** The OTP id the last step sent or asked for. */
    public String lastId() {
        if (lastId == null) {
            throw new IllegalStateException("No OTP was sent or asked for in this scenario yet");
        }
        return lastId;
    }

    public void askedFor(String id) {
        this.lastId = id;
    }
}

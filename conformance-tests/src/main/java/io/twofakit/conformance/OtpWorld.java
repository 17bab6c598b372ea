package io.twofakit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OTPs one scenario sent: by the names its steps give them ("the OTP" when it names none), with the
 * recipient and the account that sent them, so that steps can find them and the scenario can delete them
 * afterwards. PicoContainer makes one per scenario.
 */
public class OtpWorld {

    /** The name of an OTP a step does not name. */
    public static final String THE_OTP = "the OTP";

    /** An OTP the scenario sent. */
    public record SentOtp(String name, String id, String to, String profile, ApiClient owner) {
    }

    private final Map<String, SentOtp> byName = new HashMap<>();
    private final List<SentOtp> sent = new ArrayList<>();
    private final Map<String, String> receivedCodes = new HashMap<>();
    private String lastId;

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

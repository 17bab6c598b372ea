package io.twofakit.server.domain;

/** A delivery channel. The domain's own type, so that services do not depend on the generated API models. */
public enum Channel {
    SMS, VIBER, VOICE, WHATSAPP
}

package io.twofakit.server.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.ChunkedTransferEncoding;
import org.glassfish.grizzly.http.FixedLengthTransferEncoding;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.TransferEncoding;

/**
 * Serves a request that offers to upgrade to cleartext HTTP/2 ({@code Upgrade: h2c}, which Java's
 * {@code HttpClient} sends by default) as the plain HTTP/1.1 request it also is.
 *
 * <p>Left alone, Grizzly takes such a request for a protocol switch: it reads the body as raw bytes up to
 * the end of the connection (the client waits for an answer, so both wait) and leaves {@code Content-Type}
 * out of the response. Grizzly calls this probe right after it has parsed a request's headers and before it
 * reads the body; the probe withdraws the upgrade and restores the body's framing (length or chunks).
 * Grizzly offers no public way to set the framing, hence the one reflective call.
 */
public final class IgnoreH2cUpgrade extends HttpProbe.Adapter {

    private static final int MAX_CHUNK_HEADER_SIZE = 8192;
    private static final MethodHandle SET_TRANSFER_ENCODING = setTransferEncoding();

    private final List<TransferEncoding> framings =
            List.of(new FixedLengthTransferEncoding(), new ChunkedTransferEncoding(MAX_CHUNK_HEADER_SIZE));

    @Override
    public void onHeaderParseEvent(Connection connection, HttpHeader header, int size) {
        if (!header.isRequest() || !"h2c".equalsIgnoreCase(header.getUpgrade())) {
            return;
        }
        header.getUpgradeDC().recycle();
        header.getHeaders().removeHeader("Upgrade");
        header.setIgnoreContentModifiers(false);
        if (header.getTransferEncoding() == null) {
            for (TransferEncoding framing : framings) {
                if (framing.wantDecode(header)) {
                    setTransferEncoding(header, framing);
                    break;
                }
            }
        }
    }

    private static void setTransferEncoding(HttpHeader header, TransferEncoding framing) {
        try {
            SET_TRANSFER_ENCODING.invoke(header, framing);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot set the transfer encoding of a request", e);
        }
    }

    private static MethodHandle setTransferEncoding() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(HttpHeader.class, MethodHandles.lookup());
            return lookup.findVirtual(HttpHeader.class, "setTransferEncoding",
                    MethodType.methodType(void.class, TransferEncoding.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

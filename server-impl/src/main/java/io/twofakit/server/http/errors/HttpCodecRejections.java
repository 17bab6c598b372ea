package io.twofakit.server.http.errors;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpBrokenContent;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;

/**
 * What Grizzly's HTTP parser refuses before Jersey sees a request, answered in the API's error shapes: a request
 * line and headers over {@link #MAX_HEADER_BYTES} get 431; an unreadable {@code Content-Length}, a missing
 * {@code Host}, a body on GET, HEAD or DELETE, an HTTP version other than 1.0 and 1.1, a header line without a
 * colon, or broken chunk framing get 400 with a violation naming what is wrong. Grizzly itself answers these with an empty 400 (or 505).
 *
 * <p>An {@link AddOn} of the listener: it replaces Grizzly's HTTP codec by a subclass, built with the settings
 * Grizzly would have used, whose error response carries the JSON body. Grizzly offers
 * {@link HttpServerFilter#customizeErrorResponse} for this; the subclass records on the request what went wrong,
 * which that method then writes. The connection is closed after the answer, as Grizzly does.
 */
public final class HttpCodecRejections implements AddOn {

    /** The largest request line and headers, together, that the server reads (Grizzly's default). */
    public static final int MAX_HEADER_BYTES = HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE;

    private static final Logger LOG = Logger.getLogger(HttpCodecRejections.class.getName());
    private static final String REJECTION = HttpCodecRejections.class.getName() + ".rejection";
    private static final String ANSWERED = HttpCodecRejections.class.getName() + ".answered";

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("The listener's filter chain has no HTTP codec to replace");
        }
        HttpServerFilter original = (HttpServerFilter) builder.get(index);
        int maxHeaderBytes = listener.getMaxHttpHeaderSize() == -1 ? MAX_HEADER_BYTES : listener.getMaxHttpHeaderSize();
        @SuppressWarnings("deprecation") // the constructor Grizzly's own HttpServer uses
        JsonRejectingCodec codec = new JsonRejectingCodec(listener, maxHeaderBytes);
        for (ContentEncoding encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        codec.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        HttpProbe[] probes = original.getMonitoringConfig().getProbes();
        codec.getMonitoringConfig().addProbes(probes);
        builder.set(index, codec);
    }

    /** What a rejected request is answered: the status and the JSON body. */
    record Rejection(int status, byte[] body) {
        static Rejection of(Response response) {
            return new Rejection(response.getStatus(), WireErrorBodies.body(response));
        }
    }

    /** Why the parser refused a request's head, from what it threw and what it had parsed. */
    static Rejection headRejection(HttpRequestPacket request, Throwable cause, int maxHeaderBytes) {
        String message = cause == null ? "" : String.valueOf(cause.getMessage());
        if (message.contains("too large")) {
            return Rejection.of(ErrorResponses.error(431, "Request Header Fields Too Large",
                    "The request line and headers together must not exceed " + maxHeaderBytes + " bytes"));
        }
        if (message.contains("no colon")) {
            return violation("headers", "must each be a name, a colon and a value");
        }
        if (cause instanceof NumberFormatException) {
            return violation("Content-Length", "must be a number of bytes");
        }
        Protocol version = version(request);
        if (version == null || request.getResponse().getStatus() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505.getStatusCode()) {
            return violation("request", "must be HTTP/1.1 or HTTP/1.0");
        }
        if (version == Protocol.HTTP_1_1 && request.getHeader("Host") == null) {
            return violation("Host", "is required in HTTP/1.1");
        }
        Method method = request.getMethod();
        if ((request.getContentLength() > 0 || request.isChunked())
                && (method == Method.GET || method == Method.HEAD || method == Method.DELETE)) {
            return violation("body", "must be empty: " + method.getMethodString() + " takes no body");
        }
        if (request.getHeaders().values("Content-Length").iterator().hasNext()) {
            return violation("Content-Length", "must be given once");
        }
        return violation("request", "is not a valid HTTP/1.1 request");
    }

    /** The request's HTTP version, or null when it names one Grizzly does not know. */
    private static Protocol version(HttpRequestPacket request) {
        try {
            return request.getProtocol();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Rejection violation(String field, String message) {
        return Rejection.of(ErrorResponses.constraintViolations(List.of(new Violation(field, message))));
    }

    /** Grizzly's HTTP codec, with a JSON body on every response it sends by itself. */
    static final class JsonRejectingCodec extends HttpServerFilter {

        private final int maxHeaderBytes;

        @SuppressWarnings("deprecation")
        JsonRejectingCodec(NetworkListener listener, int maxHeaderBytes) {
            super(listener.isChunkingEnabled(), maxHeaderBytes, null, listener.getKeepAlive(), null,
                    listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
            this.maxHeaderBytes = maxHeaderBytes;
        }

        @Override
        protected void onHttpHeaderError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
            HttpRequestPacket request = (HttpRequestPacket) httpHeader;
            Rejection rejection = request.getAttribute(REJECTION) instanceof Rejection known ? known
                    : headRejection(request, t, maxHeaderBytes);
            LOG.fine(() -> "Refused a request head with " + rejection.status() + ": " + t);
            request.setAttribute(REJECTION, rejection);
            // the answer is HTTP/1.1 whatever the request said (Grizzly writes no headers for HTTP/0.9 and fails on
            // a version it does not know)
            request.setProtocol(Protocol.HTTP_1_1);
            super.onHttpHeaderError(httpHeader, ctx, t);
        }

        @Override
        protected void onHttpContentError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
            HttpRequestPacket request = (HttpRequestPacket) httpHeader;
            LOG.info(() -> "A request body could not be read (" + t.getClass().getSimpleName() + ": " + t.getMessage()
                    + "); the connection is closed");
            request.setAttribute(REJECTION, violation("body", "is not framed correctly: " + t.getMessage()));
            boolean answered = !request.getResponse().isCommitted();
            super.onHttpContentError(httpHeader, ctx, t);
            request.setAttribute(ANSWERED, answered);
        }

        /**
         * Once a broken body has been answered here (and the connection closed), the broken rest is not handed on:
         * Grizzly's request handling would only throw it again, and log it with its stack trace.
         */
        @Override
        public NextAction handleRead(FilterChainContext ctx) throws IOException {
            NextAction next = super.handleRead(ctx);
            if (ctx.getMessage() instanceof HttpBrokenContent broken
                    && broken.getHttpHeader() instanceof HttpRequestPacket request
                    && Boolean.TRUE.equals(request.getAttribute(ANSWERED))) {
                return ctx.getStopAction();
            }
            return next;
        }

        /** HTTP/0.9 (a request line without a version) has no headers, so no way to say what its answer is. */
        @Override
        protected boolean onHttpHeaderParsed(HttpHeader httpHeader, Buffer buffer, FilterChainContext ctx) {
            if (super.onHttpHeaderParsed(httpHeader, buffer, ctx)) {
                return true;
            }
            HttpRequestPacket request = (HttpRequestPacket) httpHeader;
            if (version(request) == Protocol.HTTP_0_9) {
                request.setAttribute(REJECTION, violation("request", "must be HTTP/1.1 or HTTP/1.0"));
                return true;
            }
            return false;
        }

        /**
         * A header line without a colon: Grizzly would take the following lines for the rest of its name and
         * wait for a colon until the header limit, leaving the client without an answer.
         */
        @Override
        protected boolean parseHeaderName(HttpHeader httpHeader, MimeHeaders mimeHeaders, HeaderParsingState state,
                                          byte[] input, int end) {
            int start = state.arrayOffset + state.start;
            boolean parsed = super.parseHeaderName(httpHeader, mimeHeaders, state, input, end);
            int nameEnd = state.arrayOffset + state.offset - (parsed ? 1 : 0);
            for (int i = start; i < nameEnd; i++) {
                if (input[i] == '\r' || input[i] == '\n') {
                    throw new IllegalStateException("A header line has no colon");
                }
            }
            return parsed;
        }

        @Override
        protected boolean parseHeaderName(HttpHeader httpHeader, MimeHeaders mimeHeaders, HeaderParsingState state,
                                          Buffer input) {
            int start = state.start;
            boolean parsed = super.parseHeaderName(httpHeader, mimeHeaders, state, input);
            int nameEnd = state.offset - (parsed ? 1 : 0);
            for (int i = start; i < nameEnd; i++) {
                if (input.get(i) == '\r' || input.get(i) == '\n') {
                    throw new IllegalStateException("A header line has no colon");
                }
            }
            return parsed;
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            Object recorded = response.getRequest() == null ? null : response.getRequest().getAttribute(REJECTION);
            Rejection rejection = recorded instanceof Rejection r ? r
                    : violation("request", "is not a valid HTTP/1.1 request");
            response.setStatus(HttpStatus.getHttpStatus(rejection.status()));
            response.setContentType("application/json");
            response.setContentLength(rejection.body().length);
            Buffer body = Buffers.wrap(null, rejection.body());
            return HttpContent.builder(response).content(body).last(true).build();
        }
    }
}

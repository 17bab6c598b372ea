package io.twofakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How request bodies are read. A body announced larger than the limit is refused before it is read; a chunked
 * body is cut off as soon as it grows past the limit. Either way: 413. A body that cannot be read to its end
 * (the client closed the connection mid-body, or broke the chunk framing) ends the request with
 * {@link BodyNotReceivedException} instead of an error of the server.
 *
 * <p>The body is read by Jackson, which wraps what a stream throws in its own exceptions (with the JSON path it
 * was reading); so the stream records what happened, and the interceptor decides from that record.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class RequestBodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    /** 1 MiB: far above any request of the API. */
    public static final long MAX_BYTES = 1024 * 1024;

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Thrown when a request body is larger than the limit. */
    public static final class BodyTooLargeException extends ClientErrorException {
        private final long maxBytes;

        public BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** Thrown when a request body ends before its announced end: the client went away, or sent broken framing. */
    public static final class BodyNotReceivedException extends ClientErrorException {
        public BodyNotReceivedException(IOException cause) {
            super("request body not received whole", Response.Status.BAD_REQUEST, cause);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        LimitedInputStream body = new LimitedInputStream(context.getInputStream(), maxBytes);
        context.setInputStream(body);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (body.exceeded) {
                throw new BodyTooLargeException(maxBytes);
            }
            if (body.readFailure != null) {
                throw new BodyNotReceivedException(body.readFailure);
            }
            throw e;
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long maxBytes;
        private long read;
        private boolean exceeded;
        private IOException readFailure;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = failing(() -> super.read());
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = failing(() -> super.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = failing(() -> (int) Math.min(Integer.MAX_VALUE, super.skip(n)));
            count(skipped);
            return skipped;
        }

        private int failing(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                readFailure = e;
                throw e;
            }
        }

        private void count(long n) {
            read += n;
            if (read > maxBytes) {
                exceeded = true;
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @FunctionalInterface
        private interface Read {
            int read() throws IOException;
        }
    }
}

package io.twofakit.server.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * HAProxy from the operating system in front of several servers: round-robin per request, each server checked on
 * {@code /health/ready} twice a second and taken out of the rotation after two failed checks; a request whose
 * connection to a server fails is sent to another one. This is the configuration the README shows for running
 * several instances.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final URI baseUri;

    private LoadBalancer(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** The {@code haproxy} program on the PATH, if there is one. */
    public static Optional<Path> haproxy() {
        // Debian installs it in /usr/sbin, which a user's PATH may leave out
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The configuration for a balancer listening on {@code port} in front of {@code servers}. */
    public static String configuration(int port, List<URI> servers) {
        String backends = IntStream.range(0, servers.size())
                .mapToObj(i -> "    server twofa" + (i + 1) + " " + servers.get(i).getHost() + ":" + servers.get(i).getPort()
                        + " check")
                .collect(Collectors.joining("\n"));
        return """
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # a request whose connection to a server fails is tried once more, on another server
                    retries 1
                    option redispatch 1

                frontend twofa
                    bind 127.0.0.1:%d
                    default_backend twofa_servers

                backend twofa_servers
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 1
                %s
                """.formatted(port, backends);
    }

    /** Starts HAProxy in front of {@code servers}, its configuration and log in {@code folder}. */
    public static LoadBalancer start(Path haproxy, Path folder, List<URI> servers) {
        try {
            int port = freePort();
            Path config = folder.resolve("haproxy.cfg");
            Files.writeString(config, configuration(port, servers));
            Path log = folder.resolve("haproxy.log");
            Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI baseUri = URI.create("http://127.0.0.1:" + port);
            try {
                await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                        .until(() -> !process.isAlive() || accepts(port));
            } catch (ConditionTimeoutException e) {
                process.destroyForcibly();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy did not start; see " + log + ":\n" + Files.readString(log));
            }
            return new LoadBalancer(process, baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago: HAProxy cannot be told to pick one and say which. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

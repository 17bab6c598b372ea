package io.twofakit.conformance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTimeoutsTest {

    @Test
    void aTargetThatAcceptsButNeverAnswersFailsTheRequestWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            // without a read timeout the request waits for ever; the bound is wide for a busy machine
            RequestTimeouts.RequestTimedOut timedOut = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> assertThrows(RequestTimeouts.RequestTimedOut.class,
                            () -> given().config(RequestTimeouts.restAssured(Duration.ofSeconds(1)))
                                    .filter(RequestTimeouts.explained(Duration.ofSeconds(1)))
                                    .baseUri("http://127.0.0.1:" + silent.getLocalPort())
                                    .contentType("application/json").body("{\"broken\":")
                                    .post("/2fa/v4/otp")));
            assertEquals("No answer to POST http://127.0.0.1:" + silent.getLocalPort() + "/2fa/v4/otp within 1 s"
                    + " (the request timeout)", timedOut.getMessage());
            assertInstanceOf(SocketTimeoutException.class, timedOut.getCause());
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}

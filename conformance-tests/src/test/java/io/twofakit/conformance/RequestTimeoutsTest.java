package io.twofakit.conformance;

import static io.restassured.RestAssured.given;
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
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(SocketTimeoutException.class,
                    () -> given().config(RequestTimeouts.restAssured(Duration.ofSeconds(1)))
                            .baseUri("http://127.0.0.1:" + silent.getLocalPort())
                            .contentType("application/json").body("{\"broken\":")
                            .post("/2fa/v4/otp")));
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}

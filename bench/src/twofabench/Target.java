package twofabench;

import java.net.URI;

/** Where load goes: a server (or a mock, or a balancer) on this machine. Only addresses of this machine. */
record Target(String host, int port) {

    Target {
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load goes to this machine only, not to " + host);
        }
    }

    static Target local(int port) {
        return new Target("127.0.0.1", port);
    }

    /** The base URL, e.g. http://127.0.0.1:8080 (for wrk, and the root of the API's paths). */
    String url() {
        return "http://" + host + ":" + port;
    }

    URI uri(String path) {
        return URI.create(url() + path);
    }
}

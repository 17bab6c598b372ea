package io.twofakit.server.http.resources;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract files as the server serves them: {@code spec/openapi.yaml} and {@code spec/extensions.yaml} from
 * the classpath (the build packages them from {@code spec/}), each with this server inserted first in its
 * {@code servers}, so that Swagger UI's "Try it out" and clients generated from the file call the server that
 * served it. The server is given as {@code /}, which a reader resolves against the address it fetched the file
 * from: the text is the same for every request.
 */
final class ServedContracts {

    static final MediaType YAML = new MediaType("application", "yaml", "UTF-8");
    /** The first item of the top-level {@code servers} list, as the files write it. */
    private static final Pattern SERVERS = Pattern.compile("^servers:\\n", Pattern.MULTILINE);
    static final String THIS_SERVER = "  - url: /\n    description: this server (the one that served this file)\n";

    private final String tyntec;
    private final String extensions;

    ServedContracts() {
        this.tyntec = withThisServer("spec/openapi.yaml");
        this.extensions = withThisServer("spec/extensions.yaml");
    }

    String tyntec() {
        return tyntec;
    }

    String extensions() {
        return extensions;
    }

    private static String withThisServer(String resource) {
        String yaml = load(resource);
        Matcher servers = SERVERS.matcher(yaml);
        if (!servers.find()) {
            throw new IllegalStateException(resource + " has no top-level servers list to add this server to");
        }
        return yaml.substring(0, servers.end()) + THIS_SERVER + yaml.substring(servers.end());
    }

    private static String load(String resource) {
        try (InputStream in = ServedContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (module spec)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.twofakit.server.http.resources;

import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.webjars.WebJarVersionLocator;

/**
 * The files {@code /docs} loads: Swagger UI's from its webjar (org.webjars:swagger-ui, in the server's jar), and
 * {@code twofa-docs.js}, which starts it on this server's contracts. Only these names are served; each is checked
 * at start-up, so a jar built without them does not start.
 */
final class SwaggerUiFiles {

    /** A file and how it is sent. */
    record File(String classpathPath, MediaType type, Duration cacheFor) {

        InputStream open() {
            return SwaggerUiFiles.class.getClassLoader().getResourceAsStream(classpathPath);
        }
    }

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", "UTF-8");
    private static final MediaType CSS = new MediaType("text", "css", "UTF-8");
    private static final MediaType PNG = new MediaType("image", "png");
    /** Swagger UI's files change only with its version, that is with the server's jar. */
    private static final Duration VENDOR_CACHE = Duration.ofHours(1);

    private final Map<String, File> files;

    SwaggerUiFiles() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        this.files = Map.of(
                "swagger-ui.css", vendor(webJars, "swagger-ui.css", CSS),
                "swagger-ui-bundle.js", vendor(webJars, "swagger-ui-bundle.js", JAVASCRIPT),
                "swagger-ui-standalone-preset.js", vendor(webJars, "swagger-ui-standalone-preset.js", JAVASCRIPT),
                "favicon-32x32.png", vendor(webJars, "favicon-32x32.png", PNG),
                "favicon-16x16.png", vendor(webJars, "favicon-16x16.png", PNG),
                "twofa-docs.js", checked(new File(
                        SwaggerUiFiles.class.getPackageName().replace('.', '/') + "/twofa-docs.js", JAVASCRIPT, null)));
    }

    /** The file of that name, if it is one of Swagger UI's page. */
    Optional<File> find(String name) {
        return Optional.ofNullable(name).map(files::get);
    }

    private static File vendor(WebJarVersionLocator webJars, String name, MediaType type) {
        String path = webJars.fullPath("swagger-ui", name);
        if (path == null) {
            throw new IllegalStateException("Swagger UI's " + name + " is missing from the classpath (org.webjars:swagger-ui)");
        }
        return checked(new File(path, type, VENDOR_CACHE));
    }

    private static File checked(File file) {
        if (SwaggerUiFiles.class.getClassLoader().getResource(file.classpathPath()) == null) {
            throw new IllegalStateException(file.classpathPath() + " is missing from the classpath");
        }
        return file;
    }
}

package twofabench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark starts the server: the README's command, which is the launcher the build puts beside the jar
 * ({@code twofa-server}: the jar with its JVM options and class archive), with extra JVM options in TWOFA_JAVA_OPTS;
 * or {@code java -jar} with the JVM's defaults, for comparison and for a jar built before there was a launcher.
 *
 * @param label       the command as the report names it
 * @param command     the process's command line, to which the server's options are added
 * @param environment added to the process's environment
 */
record ServerCommand(String label, List<String> command, Map<String, String> environment) {

    static final String LAUNCHER = "twofa-server";

    /** The README's command; {@code java -jar} when the jar has no launcher beside it. */
    static ServerCommand readme(Path jar, List<String> jvmOptions) {
        Path launcher = jar.resolveSibling(LAUNCHER);
        if (!Files.isExecutable(launcher)) {
            return plainJar(jar, jvmOptions);
        }
        Map<String, String> environment = new HashMap<>();
        // the JVM that runs the benchmark, as with java -jar
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        if (!jvmOptions.isEmpty()) {
            environment.put("TWOFA_JAVA_OPTS", String.join(" ", jvmOptions));
        }
        String label = LAUNCHER + (jvmOptions.isEmpty() ? "" : " (TWOFA_JAVA_OPTS=" + String.join(" ", jvmOptions)
                + ")");
        return new ServerCommand(label, List.of(launcher.toString()), Map.copyOf(environment));
    }

    /** {@code java -jar twofa-server.jar} with the JVM's defaults and {@code jvmOptions}. */
    static ServerCommand plainJar(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        String label = "java " + (jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ")
                + "-jar twofa-server.jar";
        return new ServerCommand(label, List.copyOf(command), Map.of());
    }
}

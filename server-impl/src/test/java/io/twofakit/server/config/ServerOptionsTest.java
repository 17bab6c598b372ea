package io.twofakit.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The command line as {@code main} runs it, and the README's table of options held against the declared ones. */
class ServerOptionsTest {

    /** The option's name in the first cell of a row of the README's table: {@code | `--port PORT` | ...}. */
    private static final Pattern OPTION = Pattern.compile("`(--[a-z-]+)[^`]*`");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, ToStatus server, String... args) {
        return ServerOptions.run(args, env, new PrintWriter(out), new PrintWriter(err), server::status);
    }

    private interface ToStatus {
        int status(ServerConfig config);
    }

    @Test
    void anUnknownOptionIsReportedAsUnknownWithStatus2() {
        int status = run(Map.of(), config -> 0, "--bogus");

        assertEquals(2, status);
        assertTrue(err.toString().startsWith("Unknown option: '--bogus'"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aValueThatCannotBeUnderstoodIsStatus2AndSaysWhy() {
        assertEquals(2, run(Map.of(), config -> 0, "--port", "eighty"));
        assertTrue(err.toString().contains("a port is a number from 0 to 65535 (got \"eighty\")"), err.toString());

        assertEquals(2, run(Map.of(), config -> 0, "--webhook-retry-base", "5s", "--webhook-retry-max", "1s"));
        assertTrue(err.toString().contains("must not be shorter"), err.toString());
    }

    @Test
    void versionPrintsTheProjectsVersion() throws IOException {
        assertEquals(0, run(Map.of(), config -> 1, "--version"));

        assertTrue(out.toString().startsWith("twofa-server " + projectVersion() + System.lineSeparator()), out.toString());
        assertEquals(projectVersion(), ServerVersion.version());
    }

    @Test
    void theServerRunsWithTheConfigurationAndItsStatusIsTheProcesss() {
        AtomicReference<ServerConfig> started = new AtomicReference<>();

        int status = run(Map.of("TWOFA_PORT", "9999"), config -> {
            started.set(config);
            return 7;
        }, "--log-format", "json");

        assertEquals(7, status);
        assertEquals(9999, started.get().port());
        assertEquals(LogFormat.JSON, started.get().logFormat());
    }

    @Test
    void theReadmesTableListsEveryOptionWithItsVariableAndDefaultAndNothingElse() throws IOException {
        Map<String, List<String>> documented = readmeOptions();
        Map<String, List<String>> declared = new LinkedHashMap<>();
        for (OptionSpec option : new ServerOptions(Map.of()).spec().options()) {
            String variable = ServerOptions.variable(option);
            declared.put(option.longestName(), List.of(variable == null ? "" : variable,
                    option.defaultValue() == null ? "" : option.defaultValue()));
        }

        assertEquals(declared.keySet(), documented.keySet(), "the options of README.md's table");
        declared.forEach((name, expected) -> assertEquals(expected, documented.get(name),
                "README.md's variable and default of " + name));
    }

    /** Each option of the README's table with its variable and its default ("" for none, or for prose). */
    private static Map<String, List<String>> readmeOptions() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int table = lines.indexOf("## Options");
        assertTrue(table >= 0, "README.md has a section ## Options");
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String line : lines.subList(table + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            // | `--port PORT` | `TWOFA_PORT` | `8080` | meaning |, where \\| is a | inside a cell
            String[] cells = line.replace("\\|", "/").split("\\|");
            Matcher option = cells.length > 4 ? OPTION.matcher(cells[1].trim()) : null;
            if (option != null && option.matches()) {
                options.put(option.group(1), List.of(code(cells[2]), code(cells[3])));
            }
        }
        return options;
    }

    /** The cell's value when it is written as code (`8080`); "" for an empty cell or prose. */
    private static String code(String cell) {
        Matcher code = CODE.matcher(cell.trim());
        return cell.trim().startsWith("`") && code.find() ? code.group(1) : "";
    }

    /** The version in the project's pom.xml. */
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>twofa-kit</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "server-impl/pom.xml names its parent's version");
        return version.group(1);
    }
}

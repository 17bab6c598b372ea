package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --profile}: the server runs with a JDK Flight Recorder recording (settings=profile: a stack sample of
 * each running Java thread every 10 ms), which is dumped with {@code jcmd JFR.dump} after the measured shapes;
 * the execution samples taken while a shape ran are summarised here with jdk.jfr.consumer: by the package group
 * of the top frame (where the CPU went), by that of the nearest frame outside the JDK (which library asked for
 * it), and the hottest methods by self samples; and the allocation samples' weight by the nearest frame outside
 * the JDK (which library allocates).
 */
final class Profile {

    /** The recording's name in the server. */
    static final String RECORDING = "bench";

    /** The package groups that samples are counted under, most specific first; others by their first two parts. */
    private static final List<String> GROUPS = List.of(
            "io.twofakit", "org.h2", "org.postgresql", "com.zaxxer.hikari", "org.jdbi", "org.flywaydb",
            "org.glassfish.jersey", "org.glassfish.grizzly", "org.glassfish.hk2", "org.jvnet.hk2",
            "com.fasterxml.jackson", "org.hibernate.validator", "jakarta", "ch.qos.logback", "org.slf4j",
            "io.micrometer", "java", "javax", "jdk", "sun", "com.sun");

    /** The summary of one shape's samples. */
    record Summary(String shape, long samples, Map<String, Long> byTopFrame, Map<String, Long> byNearestLibrary,
                   List<Map.Entry<String, Long>> hottestMethods, long allocatedBytes,
                   Map<String, Long> allocatedByNearestLibrary) {
    }

    /** When a shape ran (wall clock, as the recording's event times). */
    record Window(String shape, Instant begin, Instant end) {
    }

    private Profile() {
    }

    /** The server's JVM option that starts the recording with the server. */
    static String jvmOption() {
        return "-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,maxage=30m";
    }

    /** Writes what the server's recording holds so far to {@code file}, with jcmd. */
    static Path dump(long pid, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Files.deleteIfExists(file);
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JFR.dump", "name=" + RECORDING,
                "filename=" + file.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(file.resolveSibling(file.getFileName() + ".jcmd.log").toFile())
                .start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("jcmd JFR.dump did not end within 60 s");
        }
        if (process.exitValue() != 0 || !Files.exists(file)) {
            throw new IllegalStateException("jcmd JFR.dump failed; see " + file + ".jcmd.log");
        }
        return file;
    }

    /** The execution samples of each window, summarised. */
    static List<Summary> summarise(Path recording, List<Window> windows) throws IOException {
        List<Tally> tallies = windows.stream().map(Tally::new).toList();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean sample = type.equals("jdk.ExecutionSample");
                if (!sample && !type.equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                Instant time = event.getStartTime();
                for (Tally tally : tallies) {
                    if (!time.isBefore(tally.window.begin()) && time.isBefore(tally.window.end())) {
                        if (sample) {
                            tally.add(stack.getFrames());
                        } else {
                            tally.allocated(stack.getFrames(), event.getLong("weight"));
                        }
                    }
                }
            }
        }
        return tallies.stream().map(Tally::summary).toList();
    }

    private static final class Tally {
        final Window window;
        long samples;
        final Map<String, Long> byTopFrame = new HashMap<>();
        final Map<String, Long> byNearestLibrary = new HashMap<>();
        final Map<String, Long> methods = new HashMap<>();
        long allocatedBytes;
        final Map<String, Long> allocatedByNearestLibrary = new HashMap<>();

        Tally(Window window) {
            this.window = window;
        }

        void add(List<RecordedFrame> frames) {
            samples++;
            RecordedFrame top = frames.get(0);
            String topType = typeOf(top);
            byTopFrame.merge(group(topType), 1L, Long::sum);
            byNearestLibrary.merge(nearestLibrary(frames), 1L, Long::sum);
            methods.merge(topType + "." + (top.getMethod() == null ? "?" : top.getMethod().getName()), 1L, Long::sum);
        }

        void allocated(List<RecordedFrame> frames, long bytes) {
            allocatedBytes += bytes;
            allocatedByNearestLibrary.merge(nearestLibrary(frames), bytes, Long::sum);
        }

        /** The group of the first frame (from the top) outside the JDK. */
        private static String nearestLibrary(List<RecordedFrame> frames) {
            for (RecordedFrame frame : frames) {
                String type = typeOf(frame);
                if (!isJdk(type)) {
                    return group(type);
                }
            }
            return "(only JDK frames)";
        }

        Summary summary() {
            List<Map.Entry<String, Long>> hottest = methods.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            return new Summary(window.shape(), samples, sorted(byTopFrame), sorted(byNearestLibrary), hottest,
                    allocatedBytes, sorted(allocatedByNearestLibrary));
        }
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String typeOf(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null ? "(unknown)"
                : frame.getMethod().getType().getName();
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    /** The package group of a class: one of {@link #GROUPS} as "org.h2", "java.*", else its package's first two parts. */
    static String group(String type) {
        for (String group : GROUPS) {
            if (type.startsWith(group + ".")) {
                return group.indexOf('.') < 0 || group.equals("com.sun") ? group + ".*" : group;
            }
        }
        int lastDot = type.lastIndexOf('.');
        if (lastDot < 0) {
            return "(no package)";
        }
        String[] parts = type.substring(0, lastDot).split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0];
    }

    /** Whether the group has at least half a percent of any of the summary's counts: worth a row. */
    static boolean worthARow(Summary summary, String group) {
        return summary.byTopFrame().getOrDefault(group, 0L) * 200 >= summary.samples()
                || summary.byNearestLibrary().getOrDefault(group, 0L) * 200 >= summary.samples()
                || summary.allocatedByNearestLibrary().getOrDefault(group, 0L) * 200 >= summary.allocatedBytes();
    }

    /** Samples as a share of all, e.g. "12.3%". */
    static String percent(long count, long total) {
        return total == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }

    /** The groups that any count holds, the most top-frame samples first. */
    static List<String> groupsInOrder(Summary summary) {
        List<String> groups = new ArrayList<>(summary.byTopFrame().keySet());
        for (Map<String, Long> counts : List.of(summary.byNearestLibrary(), summary.allocatedByNearestLibrary())) {
            for (String group : counts.keySet()) {
                if (!groups.contains(group)) {
                    groups.add(group);
                }
            }
        }
        groups.sort(Comparator.comparing((String g) -> -summary.byTopFrame().getOrDefault(g, 0L))
                .thenComparing(g -> -summary.byNearestLibrary().getOrDefault(g, 0L)));
        return groups;
    }
}

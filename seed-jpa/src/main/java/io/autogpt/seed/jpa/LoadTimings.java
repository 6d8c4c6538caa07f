package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a database run's time goes, for the benchmark: per table, the producer's time generating rows and encoding
 * them, the writer's time waiting for chunks and sending them (transfer and the server's ingest, which pushes back
 * through the socket), and the COPY's end; per index and foreign key, its rebuild; the schema's creation and the
 * commit. Off unless the JVM runs with {@code -Dautogpt.seed.timings=FILE}; then the split is written to FILE when the
 * run's session closes. A diagnostic, not a report: the clock reads cost a little, so nothing is measured when off.
 */
final class LoadTimings {
    /** Where the split goes, or null: nothing is measured. */
    private static final @Nullable Path FILE = fileOf(System.getProperty("autogpt.seed.timings"));
    private static final List<String> LINES = new ArrayList<>();
    private static final double[] TOTALS = new double[Phase.values().length];

    /** The phases a run's time is split into. */
    enum Phase { SCHEMA, GENERATE, ENCODE, WAIT_FOR_ROWS, SEND, END_COPY, INDEX_REBUILD, KEY_VALIDATION, COMMIT }

    private LoadTimings() {
    }

    private static @Nullable Path fileOf(@Nullable String name) {
        return name == null || name.isBlank() ? null : Path.of(name);
    }

    /** Whether timings are being taken; callers skip their clock reads otherwise. */
    static boolean on() {
        return FILE != null;
    }

    /**
     * One COPY's split, times in nanoseconds.
     *
     * @param generate producer: making the rows (the stream's {@code next})
     * @param encode   producer: turning them into COPY bytes
     * @param wait     writer: waiting for the producer's next chunk (the server idle on our account)
     * @param send     writer: handing chunks to the socket (transfer, and the server's ingest pushing back)
     * @param end      writer: ending the COPY (the server's last chunk and its bookkeeping)
     */
    static synchronized void copy(String relation, String format, long rows, long bytes, long generate, long encode,
                                  long wait, long send, long end) {
        if (FILE == null) {
            return;
        }
        add(Phase.GENERATE, generate);
        add(Phase.ENCODE, encode);
        add(Phase.WAIT_FOR_ROWS, wait);
        add(Phase.SEND, send);
        add(Phase.END_COPY, end);
        LINES.add(String.format(Locale.ROOT, "copy   %-40s %-6s %10d %8.1f %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f",
                relation, format, rows, bytes / 1e6, generate / 1e9, encode / 1e9, wait / 1e9, send / 1e9, end / 1e9,
                sinceStart()));
    }

    /** One index's or foreign key's rebuild before commit. */
    static synchronized void rebuild(boolean foreignKey, String table, String name, long nanos) {
        if (FILE == null) {
            return;
        }
        add(foreignKey ? Phase.KEY_VALIDATION : Phase.INDEX_REBUILD, nanos);
        LINES.add(String.format(Locale.ROOT, "%-6s %-40s %-50s %8.3f %8.3f", foreignKey ? "fkey" : "index", table, name,
                nanos / 1e9, sinceStart()));
    }

    /** A phase that is not per table: the schema's creation, the commit. */
    static synchronized void phase(Phase phase, long nanos) {
        if (FILE != null) {
            add(phase, nanos);
        }
    }

    /**
     * Seconds since the JVM started: when a line's work ended, for the run's timeline. The JVM's own start time, to the
     * millisecond: the process's, as Linux reports it, is whole seconds of boot time plus clock ticks, up to a second
     * off.
     */
    private static double sinceStart() {
        return (System.currentTimeMillis() - JvmStart.MILLIS) / 1e3;
    }

    /** Read once, at the first line: the management classes it loads cost 20-30 ms, only in a run taking timings. */
    private static final class JvmStart {
        static final long MILLIS = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void add(Phase phase, long nanos) {
        TOTALS[phase.ordinal()] += nanos / 1e9;
    }

    /** Writes the split to the file asked for, once per run; a failure to write is the run's failure. */
    static synchronized void write() {
        Path file = FILE;
        if (file == null || LINES.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("# seconds per phase (producer and writer run side by side, so "
                + "generate+encode overlaps wait+send)\n");
        for (Phase p : Phase.values()) {
            out.append(String.format(Locale.ROOT, "phase  %-16s %8.3f%n", p.name().toLowerCase(Locale.ROOT),
                    TOTALS[p.ordinal()]));
        }
        out.append(String.format(Locale.ROOT, "# %-5s %-40s %-6s %10s %8s %8s %8s %8s %8s %8s %8s%n", "what",
                "relation", "format", "rows", "MB", "generate", "encode", "wait", "send", "end", "done at"));
        out.append("# index/fkey: table, name, seconds, done at (seconds since the JVM started)\n");
        for (String line : LINES) {
            out.append(line).append('\n');
        }
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the timings to " + file, e);
        }
        LINES.clear();
        java.util.Arrays.fill(TOTALS, 0);
    }
}

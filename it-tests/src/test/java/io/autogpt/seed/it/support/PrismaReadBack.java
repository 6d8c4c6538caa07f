package io.autogpt.seed.it.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a database back through Prisma with the platform's own {@code schema.prisma}, as the platform reads it: runs
 * {@code it-tests/prisma/readback.mjs} in Node.js (Prisma 7, Wasm query compiler and the {@code pg} driver adapter;
 * no engines downloaded). A client is generated once per schema version and JVM, into
 * {@code target/prisma-clients/<version>}. Without Node.js or the npm packages ({@code npm ci} in
 * {@code it-tests/prisma}, which {@code .ci/run} does) it fails, never skips.
 */
public final class PrismaReadBack {
    /** The Node side, beside the tests (their working directory is the it-tests module). */
    private static final Path NODE_DIR = Path.of("prisma").toAbsolutePath();
    private static final Path CLIENTS = Path.of("target", "prisma-clients").toAbsolutePath();
    private static final Map<String, Path> GENERATED = new ConcurrentHashMap<>();
    private static final Pattern BLOCK = Pattern.compile("(?m)^(model|view)\\s+(\\w+)\\s*\\{");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrismaReadBack() {
    }

    /**
     * Reads every row of every model and view of {@code version}'s {@code schema.prisma} from {@code databaseUrl}
     * (AutoGPT's form, {@code postgresql://…/db?schema=platform}), each relation included one level deep.
     */
    public static Summary read(String version, String databaseUrl) {
        Path client = client(version);
        String out = node(List.of("read", client.toString()), Map.of("DATABASE_URL", databaseUrl), 600);
        try {
            return JSON.readValue(out, Summary.class);
        } catch (IOException e) {
            throw new AssertionError("readback.mjs printed no summary for " + version + ": " + out, e);
        }
    }

    /** The names of {@code version}'s models and views, as its {@code schema.prisma} declares them. */
    public static List<String> declared(String version) {
        Matcher m = BLOCK.matcher(schema(version));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    /** Whether {@code version} has a {@code schema.prisma} in the reference. */
    public static boolean hasSchema(String version) {
        return Files.isRegularFile(Reference.dir(version).resolve("schema.prisma"));
    }

    private static String schema(String version) {
        try {
            return Files.readString(Reference.dir(version).resolve("schema.prisma"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path client(String version) {
        return GENERATED.computeIfAbsent(version, v -> {
            Path dir = CLIENTS.resolve(v);
            node(List.of("generate", Reference.dir(v).resolve("schema.prisma").toAbsolutePath().toString(),
                    dir.toString()), Map.of(), 300);
            return dir;
        });
    }

    /** Runs {@code readback.mjs args} and returns its standard output; fails with its standard error. */
    private static String node(List<String> args, Map<String, String> env, int timeoutSeconds) {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("@prisma").resolve("client"))) {
            throw new AssertionError("The Prisma read-back needs its npm packages: run `npm ci` in " + NODE_DIR
                    + " (.ci/run does)");
        }
        List<String> command = new ArrayList<>(List.of("node", NODE_DIR.resolve("readback.mjs").toString()));
        command.addAll(args);
        Path err = null;
        try {
            err = Files.createTempFile("readback", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).directory(NODE_DIR.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().putAll(env);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new AssertionError("Node.js is needed for the Prisma read-back (.ci/run installs it): "
                        + e.getMessage(), e);
            }
            p.getOutputStream().close();
            // Read while it runs: a full pipe would stop the process.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("readback.mjs " + args.get(0) + " took over " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("readback.mjs " + String.join(" ", args) + " exited " + p.exitValue() + ": "
                        + Files.readString(err));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while readback.mjs ran", e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    /**
     * What one read-back found.
     *
     * @param schema   the database schema read
     * @param pageSize rows per query
     * @param models   one entry per model and view, models first, then views, each in {@code schema.prisma}'s order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String schema, int pageSize, List<Model> models) {
        /** The entry of model or view {@code name}. */
        public Model model(String name) {
            return models.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no model " + name + " in the read-back"));
        }

        /** Model name to its problems by kind, for the models that have any. */
        public Map<String, Map<String, Long>> problems() {
            return models.stream().filter(m -> m.errors() > 0)
                    .collect(Collectors.toMap(Model::name, Model::kinds, (a, b) -> a, java.util.TreeMap::new));
        }

        /** One line per model: name, rows Prisma returned of how many, problems. */
        public String table() {
            return models.stream().map(m -> String.format("%-32s %-5s %7d/%-7d %s", m.name(), m.view() ? "view" : "",
                    m.read(), m.count(), m.errors() == 0 ? "" : m.kinds() + " " + m.samples()))
                    .collect(Collectors.joining("\n"));
        }
    }

    /**
     * One model or view.
     *
     * @param name    the model's name
     * @param table   its table or view in the database
     * @param view    whether it is a {@code view} block
     * @param count   rows in it, as Prisma counts them
     * @param read    rows Prisma returned
     * @param errors  problems found: rows Prisma could not read, and rows it read that break the schema
     * @param kinds   problems by kind ({@code query}, {@code null-required}, {@code missing-relation},
     *                {@code dangling-relation})
     * @param samples the first few problems
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Model(String name, String table, boolean view, long count, long read, long errors,
                        Map<String, Long> kinds, List<Sample> samples) {
    }

    /**
     * One problem.
     *
     * @param kind    its kind
     * @param field   the field, when one is at fault
     * @param message what is wrong
     * @param row     the row's key, or its position when Prisma could not read it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sample(String kind, String field, String message, Object row) {
    }
}

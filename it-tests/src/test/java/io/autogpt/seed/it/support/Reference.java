package io.autogpt.seed.it.support;

import io.autogpt.seed.core.testing.ReferenceCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference facts about the AutoGPT schema, per known version ({@code columns.csv}, {@code constraints.csv},
 * {@code indexes.csv}, {@code enums.csv}, and for the newer versions views, functions and triggers). Read from
 * {@code ../shared/reference} beside the repository when present (the source of truth: the original 21 tables at its
 * root, the newer versions in folders), else from the repository's copy in {@code reference/<version>/}.
 */
public final class Reference {
    /** The known versions, oldest first, as the seeder names them. */
    public static final List<String> VERSIONS = List.of("original", "platform-2026-01", "platform-upstream-2026",
            "platform-2026-09");

    private Reference() {
    }

    /** Version {@code version}'s folder in the shared reference if it is there, else in the repository's copy. */
    public static Path dir(String version) {
        String property = System.getProperty("seed.reference.dir");
        Path shared = property != null ? Path.of(property) : Path.of("../../shared/reference");
        if (Files.isRegularFile(shared.resolve("columns.csv"))) {
            return sharedFolder(shared, version);
        }
        return repositoryCopy().resolve(version);
    }

    /**
     * Version {@code version}'s folder in the shared reference itself ({@code -Dseed.reference.dir}, else
     * {@code ../shared/reference} beside the clone); fails when neither is there, so a comparison with the
     * repository's copy cannot silently compare the copy with itself.
     */
    public static Path shared(String version) {
        String property = System.getProperty("seed.reference.dir");
        Path path = property != null ? Path.of(property) : Path.of("../../shared/reference");
        if (!Files.isRegularFile(path.resolve("columns.csv"))) {
            throw new IllegalStateException("the shared reference is not at " + path.toAbsolutePath().normalize()
                    + ": check out shared/ beside the repository, or pass -Dseed.reference.dir=DIR");
        }
        return sharedFolder(path, version);
    }

    private static Path sharedFolder(Path shared, String version) {
        return version.equals("original") ? shared : shared.resolve(version);
    }

    /** The repository's own copy, which tools/generate_*.py read: one folder per version. */
    public static Path repositoryCopy() {
        return Path.of("../reference");
    }

    /** The rows of {@code file} of {@code version}, each as header name to value. */
    public static List<Map<String, String>> rows(String version, String file) {
        try (InputStream in = Files.newInputStream(dir(version).resolve(file))) {
            List<String[]> records = ReferenceCsv.records(in);
            List<String> header = List.of(records.get(0));
            List<Map<String, String>> out = new ArrayList<>();
            for (String[] cells : records.subList(1, records.size())) {
                Map<String, String> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < cells.length ? cells[i] : "");
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.autogpt.seed.auth.file;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.autogpt.seed.core.token.IssuedToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes the token files a load test reads: the k6 ES module AutoGPT's tests import
 * ({@code configs/pre-authenticated-tokens.js}) and a JSON data file beside it with the same tokens and their
 * user ids and expiry. All data goes through Jackson; the module's functions are a fixed text, the same as the
 * platform's own generator emits. Both files are written atomically with mode 0600.
 */
public final class TokenFiles {
    /** Ends in {@code .js}: the module; the data file and checkpoint are named after it. */
    public static final String DEFAULT_MODULE = "configs/pre-authenticated-tokens.js";

    // ESCAPE_NON_ASCII keeps U+2028/U+2029 and friends out of the module's source text.
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

    /**
     * Where a run's files go.
     *
     * @param module     the k6 module
     * @param data       the JSON data file
     * @param checkpoint tokens as they arrive, for {@code --resume}
     */
    public record Paths(Path module, Path data, Path checkpoint) {
        /** {@code x.js} → {@code x.json} and {@code x.checkpoint.jsonl}. */
        public static Paths of(Path module) {
            String name = module.getFileName().toString();
            String base = name.endsWith(".js") ? name.substring(0, name.length() - 3) : name;
            return new Paths(module, module.resolveSibling(base + ".json"),
                    module.resolveSibling(base + ".checkpoint.jsonl"));
        }
    }

    /** An entry of {@code PRE_AUTHENTICATED_TOKENS}, shaped as the k6 tests read it. */
    @JsonPropertyOrder({"token", "user", "generated", "round"})
    record ModuleEntry(String token, String user, String generated, int round) {
    }

    /** A token as the data file and the checkpoint hold it. */
    @JsonPropertyOrder({"token", "user", "userId", "generated", "expiresAt", "round"})
    record SavedToken(String token, String user, String userId, String generated, String expiresAt, int round) {
        static SavedToken of(IssuedToken t) {
            return new SavedToken(t.token(), t.email(), t.userId(), t.issuedAt().toString(), t.expiresAt().toString(),
                    t.round());
        }

        IssuedToken toIssuedToken() {
            return new IssuedToken(token, user, userId, Instant.parse(generated), Instant.parse(expiresAt), round);
        }
    }

    /** {@code TOKEN_STATS}. */
    @JsonPropertyOrder({"total", "users", "generated", "expiresAt"})
    record Stats(int total, long users, String generated, String expiresAt) {
    }

    @JsonPropertyOrder({"stats", "tokens"})
    record Data(Stats stats, List<SavedToken> tokens) {
    }

    private TokenFiles() {
    }

    /** Writes the data file, then the module. */
    public static void write(Paths paths, List<IssuedToken> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no tokens to write");
        }
        Stats stats = new Stats(tokens.size(), tokens.stream().map(IssuedToken::email).distinct().count(),
                tokens.get(0).issuedAt().toString(), earliestExpiry(tokens).toString());
        List<SavedToken> data = tokens.stream().map(SavedToken::of).toList();
        List<ModuleEntry> entries = tokens.stream().map(t -> new ModuleEntry(t.token(), t.email(),
                t.issuedAt().toString(), t.round())).toList();
        try {
            SecureFiles.replace(paths.data(), out -> PRETTY.writeValue(nonClosing(out), new Data(stats, data)));
            SecureFiles.replace(paths.module(), out -> writeModule(out, entries, stats));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + paths.module(), e);
        }
    }

    /** When the first of {@code tokens} expires. */
    public static Instant earliestExpiry(List<IssuedToken> tokens) {
        return tokens.stream().map(IssuedToken::expiresAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static void writeModule(OutputStream out, List<ModuleEntry> entries, Stats stats) throws IOException {
        write(out, "// Pre-authenticated tokens for AutoGPT load tests, written by autogpt-seed tokens.\n"
                + "// SECURITY: these are live access tokens. Do not commit this file.\n"
                + "// They expire from " + stats.expiresAt() + " on.\n\n"
                + "export const PRE_AUTHENTICATED_TOKENS = ");
        PRETTY.writeValue(nonClosing(out), entries);
        write(out, ";\n\nexport const TOKEN_STATS = ");
        PRETTY.writeValue(nonClosing(out), stats);
        write(out, ";\n\n");
        try (InputStream functions = Objects.requireNonNull(
                TokenFiles.class.getResourceAsStream("k6-functions.js"), "k6-functions.js")) {
            functions.transferTo(out);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Jackson closes the stream it writes to by default; the caller owns it here. */
    private static JsonGenerator nonClosing(OutputStream out) throws IOException {
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }
}

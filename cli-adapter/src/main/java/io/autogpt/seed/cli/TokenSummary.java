package io.autogpt.seed.cli;

import io.autogpt.seed.auth.file.SecureFiles;
import io.autogpt.seed.auth.file.TokenFiles;
import io.autogpt.seed.auth.exec.RequestExecutor;
import io.autogpt.seed.core.token.IssuedToken;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The table printed after {@code tokens}: what was obtained, how fast, and when it expires. */
final class TokenSummary {
    private final PrintWriter out;

    TokenSummary(PrintWriter out) {
        this.out = out;
    }

    void print(List<IssuedToken> tokens, int kept, double seconds, Composition.TokenSource source,
               TokenFiles.Paths paths, Instant now, @Nullable String userRows) {
        int fresh = tokens.size() - kept;
        RequestExecutor.Stats stats = source.stats().get();
        Instant expiry = TokenFiles.earliestExpiry(tokens);
        row("tokens", String.format("%,d", tokens.size()) + (kept > 0 ? String.format(" (%,d new, %,d kept from the "
                + "checkpoint)", fresh, kept) : ""));
        row("distinct users", String.format("%,d", tokens.stream().map(IssuedToken::email).distinct().count()));
        row("seconds", String.format("%.2f", seconds));
        row("tokens/s", String.format("%,.1f", fresh / Math.max(seconds, 1e-9)));
        row("429s seen", String.format("%,d", stats.rateLimited()));
        row("retries", String.format("%,d", stats.retries()));
        if (source.login()) {
            row("requests", String.format("%,d (%,d hedges: copies of logins that were late)", stats.requests(),
                    stats.hedges()));
        }
        row("source", source.description());
        if (userRows != null) {
            row("\"User\" rows", userRows);
        }
        row("first expiry", expiry + " (in " + Durations.human(Duration.between(now, expiry)) + ")");
        // Say "mode 0600" only where the file system applied it.
        row("written", paths.module() + ", " + paths.data() + (SecureFiles.isOwnerOnly(paths.module())
                && SecureFiles.isOwnerOnly(paths.data()) ? " (mode 0600)"
                : " (this file system has no owner-only mode: keep the files private yourself)"));
        if (source.login() && Duration.between(now, expiry).compareTo(Duration.ofHours(2)) < 0) {
            out.println("note: logins get the server's JWT lifetime; for a longer test, mint tokens with "
                    + "--mint --expires-in.");
        }
        out.flush();
    }

    private void row(String name, String value) {
        out.printf("%-15s %s%n", name, value);
    }
}

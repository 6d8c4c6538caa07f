package io.autogpt.seed.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace's views as the platform reads them: through Prisma, whose {@code schema.prisma} (platform-2026-09)
 * declares which of their columns are required. A row with a null in a required column is a row Prisma cannot read,
 * so the columns come from that file rather than from a list of our own.
 */
final class MarketplaceViews {
    /** The views the marketplace and the creator pages read. */
    static final List<String> VIEWS = List.of("StoreAgent", "StoreSubmission", "Creator", "StoreCreator");

    private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+)\\s+(\\w+)(\\[\\])?(\\?)?");

    private MarketplaceViews() {
    }

    /** One {@code (SELECT count(*) …)} per view, counting its rows with a null in a required column. */
    static List<String> nullChecks() {
        String schema = read();
        List<String> checks = new ArrayList<>();
        for (String view : VIEWS) {
            List<String> required = required(schema, view);
            checks.add("(SELECT count(*) FROM \"" + view + "\" WHERE "
                    + String.join(" OR ", required.stream().map(c -> c + " IS NULL").toList()) + ")");
        }
        return checks;
    }

    /** The columns {@code view} declares without {@code ?}, in declaration order; fails when it declares none. */
    static List<String> required(String schema, String view) {
        Matcher block = Pattern.compile("(?m)^view " + view + " \\{\\n(.*?)^}", Pattern.DOTALL).matcher(schema);
        if (!block.find()) {
            throw new IllegalStateException("schema.prisma declares no view " + view);
        }
        List<String> required = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
            Matcher field = FIELD.matcher(line);
            if (!line.strip().startsWith("//") && field.find() && field.group(4) == null) {
                required.add(field.group(1));
            }
        }
        if (required.isEmpty()) {
            throw new IllegalStateException("view " + view + " has no required column: the parse read nothing");
        }
        return required;
    }

    private static String read() {
        try {
            return Files.readString(Reference.dir("platform-2026-09").resolve("schema.prisma"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

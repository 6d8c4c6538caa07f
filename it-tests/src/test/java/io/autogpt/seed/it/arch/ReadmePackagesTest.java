package io.autogpt.seed.it.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Layout row for seed-core names every package of the core, as exported or internal, exactly as
 * {@code module-info} has them: a package added, dropped, exported or hidden fails here until the README says so.
 */
class ReadmePackagesTest {
    private static final Path README = Path.of("..", "README.md");
    /** A package in the row: a lower-case name in backticks, outside the parentheses that describe it. */
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    @Test
    void theLayoutListsExactlyTheExportedPackagesAsExported() throws IOException {
        assertThat(names(section("exported:", "; internal:"))).isEqualTo(CoreModule.exports());
    }

    @Test
    void theLayoutListsEveryOtherPackageAsInternal() throws IOException {
        Set<String> internal = new TreeSet<>(CoreModule.packages());
        internal.removeAll(CoreModule.exports());
        assertThat(internal).as("the core's unexported packages").contains("generate", "random");
        assertThat(names(section("; internal:", " |"))).isEqualTo(internal);
    }

    @Test
    void packageNamesInsideADescriptionAreNotCounted() {
        assertThat(names("`plan` (seed, `json` inside), `run` (`Dataset`)")).containsExactly("plan", "run");
    }

    /** The part of the seed-core row between {@code from} and the next {@code to}. */
    private static String section(String from, String to) throws IOException {
        String row = Files.readAllLines(README).stream().filter(l -> l.startsWith("| `seed-core` |")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no Layout row for seed-core"));
        int start = row.indexOf(from);
        assertThat(start).as("the seed-core row says " + from).isNotNegative();
        int end = row.indexOf(to, start + from.length());
        return row.substring(start + from.length(), end < 0 ? row.length() : end);
    }

    private static Set<String> names(String text) {
        String outside = text.replaceAll("\\([^()]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(outside);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

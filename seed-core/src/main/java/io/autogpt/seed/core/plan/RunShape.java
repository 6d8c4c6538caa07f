package io.autogpt.seed.core.plan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that shapes a run's rows, as {@code key=value} pairs: the seed, the anchor, the user slice, every count,
 * range and share of the plan, and the schema version the rows were written for. A target records it with the run,
 * so a rerun of the same users with another shape is told apart from a true rerun instead of passing for one.
 *
 * <p>The keys are read off the record components of {@link SeedPlan}, {@link ScaleProfile} and
 * {@link ActivityProfile} (nested records flattened), in kebab case: {@code graphsPerUser} is
 * {@code graphs-per-user}, as the command line's option. A component added to any of them is part of the shape
 * without anyone listing it here.
 *
 * <p>{@link #canonical()} is the stored form: one line, pairs in component order separated by spaces; values hold
 * neither spaces nor {@code =}. Immutable and thread-safe.
 *
 * @param values the pairs, in order; empty for {@link #UNKNOWN}
 */
public record RunShape(Map<String, String> values) {
    /** The shape of a run recorded without one (by an older version of the seeder, or found by its rows alone). */
    public static final RunShape UNKNOWN = new RunShape(Map.of());
    /** The key of the time anchor. */
    public static final String ANCHOR = "now";
    /** The key of the schema version the rows were written for. */
    public static final String SCHEMA_VERSION = "schema-version";
    /** The key of the dataset's tables the target left out (comma-separated, or {@code none}). */
    public static final String TABLES_LEFT_OUT = "tables-left-out";

    public RunShape {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.isEmpty() || !plain(k) || !plain(v)) {
                throw new IllegalArgumentException("a shape's keys and values hold no spaces or '=', and keys are "
                        + "not empty: '" + k + "=" + v + "'");
            }
            copy.put(k, v);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The shape of {@code plan} written into a target of schema version {@code schemaVersion} that left out
     * {@code tablesLeftOut}.
     *
     * @param schemaVersion the known version the rows were written for, e.g. {@code platform-2026-01}; empty when
     *                      the target does not tell
     * @param tablesLeftOut recorded in name order, whatever order the set has
     */
    public static RunShape of(SeedPlan plan, String schemaVersion, Set<String> tablesLeftOut) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(plan, values);
        values.put(SCHEMA_VERSION, schemaVersion.isEmpty() ? "unknown" : schemaVersion);
        values.put(TABLES_LEFT_OUT, tablesLeftOut.isEmpty() ? "none"
                : String.join(",", new TreeSet<>(tablesLeftOut)));
        return new RunShape(values);
    }

    /**
     * The shape {@link #canonical()} wrote; {@link #UNKNOWN} for null or blank text. Words that are not one
     * {@code key=value} pair are skipped: text changed by hand must not make reading the ledger fail.
     */
    public static RunShape parse(@org.jspecify.annotations.Nullable String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return UNKNOWN;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : canonical.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.indexOf('=', eq + 1) < 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new RunShape(values);
    }

    /** Whether this shape was recorded at all; {@link #UNKNOWN} is not. */
    public boolean isKnown() {
        return !values.isEmpty();
    }

    /** The stored form: {@code seed=42 now=2025-06-01T00:00:00Z from-user=0 …}; empty for {@link #UNKNOWN}. */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    /**
     * What differs between {@code recorded} (an earlier run's shape) and this one, one phrase per key in this
     * shape's order and then the keys only {@code recorded} has: {@code graphs-per-user 1..5 → 10}. A key one side
     * lacks shows as {@code unset}. Empty when the shapes agree on every key but {@code ignored}.
     */
    public List<String> differencesFrom(RunShape recorded, Set<String> ignored) {
        Set<String> keys = new LinkedHashSet<>(values.keySet());
        keys.addAll(recorded.values.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String was = recorded.values.get(key);
            String is = values.get(key);
            if (!ignored.contains(key) && !Objects.equals(was, is)) {
                out.add(key + " " + (was == null ? "unset" : was) + " → " + (is == null ? "unset" : is));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return isKnown() ? canonical() : "unknown shape";
    }

    private static void flatten(Record record, Map<String, String> into) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getType() == PlatformRules.class) {
                continue; // the target's: the schema version written says which
            }
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            if (c.getType() == EncryptionKey.class) {
                // Never the key; only that one was given (its rows differ from a keyless run's). A plan without one
                // records nothing, as plans did before keys existed, so their ledgers still compare equal.
                if (value != null) {
                    into.put(kebab(c.getName()), "set");
                }
                continue;
            }
            if (value instanceof IntRange || !(value instanceof Record)) {
                into.put(kebab(c.getName()), text(value, c));
            } else {
                flatten((Record) value, into);
            }
        }
    }

    private static String text(Object value, RecordComponent c) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof IntRange || value instanceof Number) {
            return value.toString();
        }
        // A component of a new kind needs a canonical text of its own, chosen here, not whatever toString gives.
        throw new IllegalStateException("no canonical text for " + c + " of type " + c.getType().getName());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static boolean plain(String s) {
        return s.chars().noneMatch(c -> c == '=' || Character.isWhitespace(c));
    }
}

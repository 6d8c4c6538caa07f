package io.autogpt.seed.core.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document in canonical text form: object keys sorted, no insignificant white space.
 *
 * <p>Canonical text keeps output bytes stable across runs and writers, so dumps of two loads compare equal. Values
 * are built from {@link Map}, {@link Collection}, {@link String}, {@link Number}, {@link Boolean}, {@code null} and
 * nested {@code Json}.
 *
 * @param text the canonical JSON text, never null
 */
public record Json(String text) {
    public static final Json EMPTY_OBJECT = new Json("{}");

    public Json {
        Objects.requireNonNull(text, "text");
    }

    /** Canonical JSON for {@code value}. */
    public static Json of(@Nullable Object value) {
        StringBuilder out = new StringBuilder(64);
        write(out, value);
        return new Json(out.toString());
    }

    /** An object from alternating keys and values: {@code obj("a", 1, "b", "x")}. */
    public static Json obj(@Nullable Object... keysAndValues) {
        return of(map(keysAndValues));
    }

    /** A sorted map from alternating keys and values, for nesting inside {@link #obj}. */
    public static SortedMap<String, Object> map(@Nullable Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        SortedMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public String toString() {
        return text;
    }

    private static void write(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Json json) {
            out.append(json.text);
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (value instanceof java.math.BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Map<?, ?> map) {
            Map<?, ?> sorted = map instanceof SortedMap ? map : new TreeMap<>(map);
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = sorted.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(out, (String) e.getKey());
                out.append(':');
                write(out, e.getValue());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                write(out, it.next());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        // Most strings need no escape: appended whole, not char by char.
        int n = s.length();
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c == '"' || c == '\\' || c < 0x20) {
                break;
            }
            plain++;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

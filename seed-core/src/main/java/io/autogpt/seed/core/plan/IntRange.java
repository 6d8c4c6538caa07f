package io.autogpt.seed.core.plan;

/**
 * An inclusive range of counts, such as "1–5 graphs per user".
 *
 * @param min smallest count, at least 0
 * @param max largest count, at least {@code min}
 */
public record IntRange(int min, int max) {
    public IntRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("range must satisfy 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public static IntRange exactly(int count) {
        return new IntRange(count, count);
    }

    /** Parses {@code "1..5"} or a single number. */
    public static IntRange parse(String text) {
        try {
            int dots = text.indexOf("..");
            if (dots < 0) {
                return exactly(Integer.parseInt(text.trim()));
            }
            return new IntRange(Integer.parseInt(text.substring(0, dots).trim()),
                    Integer.parseInt(text.substring(dots + 2).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a range like 1..5: '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}

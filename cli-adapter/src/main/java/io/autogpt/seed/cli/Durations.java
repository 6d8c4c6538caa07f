package io.autogpt.seed.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads durations as people write them on a command line: 3600, 500ms, 90s, 15m, 2h, 1d, or ISO-8601 PT1H. */
final class Durations {
    private Durations() {
    }

    /** {@code text} as a duration for {@code option}: positive and at most {@code max}. */
    static Duration parse(String option, String text, Duration max) {
        Duration d = parse(option, text);
        if (d.compareTo(max) > 0) {
            throw new UsageException(option + " must be at most " + human(max) + ", got '" + text + "'");
        }
        return d;
    }

    private static Duration parse(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return positive(option, text, Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
            }
            if (t.endsWith("ms")) {
                return positive(option, text, Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            String number = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
            long n = Long.parseLong(number);
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException();
                    }
                    yield Duration.ofSeconds(n);
                }
            };
            return positive(option, text, d);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new UsageException(option + " must be a duration like 3600, 500ms, 90s, 15m, 2h or 1d, got '"
                    + text + "'");
        }
    }

    private static Duration positive(String option, String text, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new UsageException(option + " must be positive, got '" + text + "'");
        }
        return d;
    }

    /** "59 min", "2 h 5 min", "3 d 4 h" — for telling people when tokens expire. */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (d.toMillis() < 60_000 && d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}

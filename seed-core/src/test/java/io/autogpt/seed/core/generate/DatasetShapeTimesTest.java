package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shape's own time arithmetic gives what {@code java.time} gives: the dataset's times must not move. */
class DatasetShapeTimesTest {
    private static final LocalDateTime[] EDGES = {
        LocalDateTime.parse("2025-06-01T00:00:00"), LocalDateTime.parse("2025-05-31T23:59:59.999"),
        LocalDateTime.parse("2024-02-28T23:59:59.500"), LocalDateTime.parse("2024-12-31T23:59:59.999"),
        LocalDateTime.parse("2000-01-01T00:00:00.001"), LocalDateTime.parse("2025-03-30T01:59:59"),
    };
    private static final long[] OFFSETS = {0, 1, -1, 999, -999, 86_400_000L, -86_400_000L, 86_399_999L,
        -86_400_001L, 31L * 86_400_000L, -366L * 86_400_000L, 10L * 365 * 86_400_000L};

    @Test
    void plusMillisIsJavaTimesPlusAcrossDaysMonthsYearsAndLeapDays() {
        for (LocalDateTime t : EDGES) {
            for (long millis : OFFSETS) {
                assertThat(DatasetShape.plusMillis(t, millis)).as("%s %+d ms", t, millis)
                        .isEqualTo(t.plus(Duration.ofMillis(millis)));
            }
        }
    }

    @Test
    void plusMillisIsJavaTimesPlusForRandomTimesAndSpans() {
        SplittableRandom random = new SplittableRandom(7);
        LocalDateTime base = LocalDateTime.parse("2020-01-01T00:00:00");
        for (int i = 0; i < 200_000; i++) {
            LocalDateTime t = DatasetShape.plusMillis(base, random.nextLong(10L * 365 * 86_400_000L));
            long millis = random.nextLong(-400L * 86_400_000L, 400L * 86_400_000L) / (i % 3 == 0 ? 10_000 : 1);
            assertThat(DatasetShape.plusMillis(t, millis)).isEqualTo(t.plus(Duration.ofMillis(millis)));
        }
    }

    @Test
    void aTimeWithFinerThanMillisecondsKeepsThem() {
        LocalDateTime t = LocalDateTime.parse("2025-06-01T23:59:59.999999999");
        assertThat(DatasetShape.plusMillis(t, 1)).isEqualTo(t.plus(Duration.ofMillis(1)));
        assertThat(DatasetShape.plusMillis(t, -86_400_000L)).isEqualTo(t.minusDays(1));
    }

    @Test
    void atTheEndsOfWhatATimeHoldsItAnswersAndFailsAsJavaTimeDoes() {
        LocalDateTime[] ends = {LocalDateTime.MAX, LocalDateTime.MIN, LocalDateTime.MIN.plusNanos(500_000_000),
            LocalDateTime.MAX.withNano(0), LocalDateTime.parse("2025-06-01T00:00:00.123")};
        long[] spans = {1, -1, -400, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 1_000_000 + 1,
            -86_400_000L * 366 * 10_001};
        for (LocalDateTime t : ends) {
            for (long millis : spans) {
                Object expected = outcome(() -> t.plus(Duration.ofMillis(millis)));
                assertThat(outcome(() -> DatasetShape.plusMillis(t, millis))).as("%s %+d ms", t, millis)
                        .isEqualTo(expected);
            }
        }
    }

    /** What {@code plus} gives, or the class of what it throws. */
    private static Object outcome(java.util.function.Supplier<LocalDateTime> plus) {
        try {
            return plus.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void millisBetweenIsDurationBetween() {
        SplittableRandom random = new SplittableRandom(11);
        LocalDateTime base = LocalDateTime.parse("2024-01-01T00:00:00");
        for (int i = 0; i < 10_000; i++) {
            LocalDateTime from = base.plusNanos(random.nextLong(400L * 86_400_000_000_000L));
            LocalDateTime to = base.plusNanos(random.nextLong(400L * 86_400_000_000_000L));
            assertThat(DatasetShape.millisBetween(from, to)).isEqualTo(Duration.between(from, to).toMillis());
        }
    }
}

package io.autogpt.seed.core.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything a dataset is a pure function of: the seed, the time anchor, the scale, and the slice of users to make.
 *
 * <p>The same plan gives the same rows, value for value, on any machine and thread count. The anchor stands in for
 * "now": every timestamp lies before it, so {@code --now} makes a dataset reproducible across days.
 *
 * @param seed      the dataset's seed, at least 0; different seeds load side by side without collisions
 * @param now       the time anchor, UTC, microsecond precision (PostgreSQL's)
 * @param scale     how much data
 * @param fromUser  first user ordinal of the slice, inclusive
 * @param toUser    last user ordinal of the slice, exclusive; users outside the slice are still referenced (as
 *                  reviewers, library sources) but not written, so slices are meant to be loaded together
 */
public record SeedPlan(long seed, LocalDateTime now, ScaleProfile scale, int fromUser, int toUser) {
    public SeedPlan {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(scale, "scale");
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be 0 or more, got " + seed);
        }
        if (fromUser < 0 || toUser > scale.users() || fromUser > toUser) {
            throw new IllegalArgumentException("user slice " + fromUser + ".." + toUser + " must lie within 0.."
                    + scale.users());
        }
        now = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** The whole dataset for {@code seed} at {@code now}. */
    public static SeedPlan of(long seed, Instant now, ScaleProfile scale) {
        return new SeedPlan(seed, LocalDateTime.ofInstant(now, ZoneOffset.UTC), scale, 0, scale.users());
    }

    /** The same plan restricted to users {@code [from, to)} and everything they own. */
    public SeedPlan slice(int from, int to) {
        return new SeedPlan(seed, now, scale, from, to);
    }
}

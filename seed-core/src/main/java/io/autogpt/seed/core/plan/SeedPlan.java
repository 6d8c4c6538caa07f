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
 * @param fromUser  first user ordinal of the slice, inclusive; the first user of a cohort
 * @param toUser    end of the slice, exclusive; the end of a cohort (or the plan's user count). A slice of whole
 *                  cohorts references no row outside itself but the shared blocks, so slices load alone, in any
 *                  order or in parallel, and together give exactly the rows of the whole plan
 * @param rules     the generation of the platform's rules the rows follow: a run takes its target's
 * @param encryptionKey the platform's {@code ENCRYPTION_KEY}, or {@code null}: tables whose values the platform
 *                  encrypts with it (integration credentials, bot installs) are written only with it, and stay empty
 *                  without it
 */
public record SeedPlan(long seed, LocalDateTime now, ScaleProfile scale, int fromUser, int toUser,
                       PlatformRules rules, @org.jspecify.annotations.Nullable EncryptionKey encryptionKey) {
    public SeedPlan {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rules, "rules");
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be 0 or more, got " + seed);
        }
        if (fromUser < 0 || toUser > scale.users() || fromUser >= toUser) {
            throw new IllegalArgumentException("user slice [" + fromUser + ", " + toUser + ") must be a non-empty "
                    + "part of [0, " + scale.users() + ")");
        }
        if (!scale.isCohortBoundary(fromUser) || !scale.isCohortBoundary(toUser)) {
            throw new IllegalArgumentException("user slice [" + fromUser + ", " + toUser + ") must hold whole cohorts of "
                    + scale.cohortUsers() + " users: it starts at a multiple of " + scale.cohortUsers()
                    + " and ends at one or at " + scale.users());
        }
        now = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** A plan without the platform's encryption key. */
    public SeedPlan(long seed, LocalDateTime now, ScaleProfile scale, int fromUser, int toUser, PlatformRules rules) {
        this(seed, now, scale, fromUser, toUser, rules, null);
    }

    /** A plan under the early-2026 rules; a run against a newer target follows that target's. */
    public SeedPlan(long seed, LocalDateTime now, ScaleProfile scale, int fromUser, int toUser) {
        this(seed, now, scale, fromUser, toUser, PlatformRules.EARLY_2026);
    }

    /** The whole dataset for {@code seed} at {@code now}, under the early-2026 rules. */
    public static SeedPlan of(long seed, Instant now, ScaleProfile scale) {
        return new SeedPlan(seed, LocalDateTime.ofInstant(now, ZoneOffset.UTC), scale, 0, scale.users());
    }

    /** The same plan with the platform's encryption key, so the tables it encrypts are written. */
    public SeedPlan withEncryptionKey(EncryptionKey key) {
        return new SeedPlan(seed, now, scale, fromUser, toUser, rules, java.util.Objects.requireNonNull(key));
    }

    /** The same plan under {@code other} rules. */
    public SeedPlan withRules(PlatformRules other) {
        return new SeedPlan(seed, now, scale, fromUser, toUser, other, encryptionKey);
    }

    /**
     * The same plan restricted to users {@code [from, to)} and everything they own.
     *
     * @throws IllegalArgumentException unless both ends lie on cohort boundaries
     */
    public SeedPlan slice(int from, int to) {
        return new SeedPlan(seed, now, scale, from, to, rules, encryptionKey);
    }

    /**
     * Part {@code index} of {@code count} near-equal parts of the whole plan, in whole cohorts: part 0 of 4 is the
     * first quarter of the cohorts. Parts do not overlap and together cover every user.
     *
     * @param index from 0 to {@code count - 1} (a Kubernetes Indexed Job's completion index)
     * @throws IllegalArgumentException when there are fewer cohorts than parts, or the index is out of range
     */
    public SeedPlan shard(int index, int count) {
        int cohorts = scale.cohorts();
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist: shards are "
                    + "numbered 0 to " + (count - 1));
        }
        if (count > cohorts) {
            throw new IllegalArgumentException(count + " shards need at least " + count + " cohorts of "
                    + scale.cohortUsers() + " users; the plan has " + cohorts);
        }
        int first = (int) ((long) index * cohorts / count);
        int end = (int) ((long) (index + 1) * cohorts / count);
        return slice(first * scale.cohortUsers(), (int) Math.min((long) end * scale.cohortUsers(), scale.users()));
    }

}

package io.autogpt.seed.core.random;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * A Datafaker instance driven by the current row's {@link Rng}.
 *
 * <p>Building a {@link Faker} is costly, so each factory keeps one and re-seeds its {@link Random} from the row's
 * random source before use: the values then depend on the row alone, never on which rows came before. This is the
 * only place a {@code Faker} is built, and never without our seeded {@code Random}.
 *
 * <p>Not thread-safe: one instance per factory, one factory per generating thread.
 */
public final class RowFaker {
    private final Random random = new Random(0);
    private final Faker faker = new Faker(Locale.ENGLISH, random);

    /** The faker, positioned for the row whose random source is {@code rng}. */
    public Faker at(Rng rng) {
        random.setSeed(rng.nextLong());
        return faker;
    }
}

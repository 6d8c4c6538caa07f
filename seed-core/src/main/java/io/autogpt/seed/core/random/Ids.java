package io.autogpt.seed.core.random;

/**
 * Row ids derived from (seed, table, ordinal path).
 *
 * <p>A child computes its parent's id from the parent's ordinals instead of looking it up, so no parent list is held
 * in memory and any slice of the dataset can be generated alone. Ids have the shape of random (version 4) UUIDs, as
 * the platform's own ids do; 122 random bits make collisions between seeds, and with ids the platform made, as
 * unlikely as between any two v4 UUIDs.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** The id of the row of {@code table} at {@code path} in the dataset of {@code seed}. */
    public static String uuid(long seed, String table, long... path) {
        Rng rng = Rng.of(seed, "id/" + table, path);
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return format(hi, lo);
    }

    private static String format(long hi, long lo) {
        char[] out = new char[36];
        int pos = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out[pos++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int shift = 60 - 4 * (i % 16);
            out[pos++] = HEX[(int) ((word >>> shift) & 0xf)];
        }
        return new String(out);
    }
}

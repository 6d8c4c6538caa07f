package io.autogpt.seed.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Row ids derived from (seed, table, ordinal path).
 *
 * <p>A child computes its parent's id from the parent's ordinals instead of looking it up, so no parent list is held
 * in memory and any slice of the dataset can be generated alone. Ids have the shape of random (version 4) UUIDs, as
 * the platform's own ids do; 122 random bits make collisions between seeds, and with ids the platform made, as
 * unlikely as between any two v4 UUIDs.
 */
public final class Ids {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    /** The hash of the id streams' common prefix, {@code "id/"}. */
    private static final long ID_PREFIX_HASH = Rng.streamHash(Rng.streamHash(), "id/");
    private static final int CACHED_TABLES = 4096;
    private static final java.util.concurrent.ConcurrentMap<String, Long> TABLE_HASHES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Ids() {
    }

    /** The id of the row of {@code table} at {@code path} in the dataset of {@code seed}. */
    public static String uuid(long seed, String table, long... path) {
        // Rng.of(seed, "id/" + table, path), without making the stream's name.
        return uuidOf(Rng.ofHashed(seed, tableHash(table), path));
    }

    private static String uuidOf(Rng rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return format(hi, lo);
    }

    /**
     * The id of the row of {@code table + part} at {@code path}, where {@code part} comes from a value (an id or an
     * email): as {@link #uuid(long, String, long...)} with the whole name, but only the constant {@code table} is
     * remembered (see {@link Rng#of(long, String, String, long...)}).
     */
    public static String uuid(long seed, String table, String part, long... path) {
        return uuidOf(Rng.ofHashed(seed, Rng.streamHash(tableHash(table), part), path));
    }

    /** The hash of {@code "id/" + table}, remembered as {@link Rng} remembers its stream names'. */
    private static long tableHash(String table) {
        Long known = TABLE_HASHES.get(table);
        if (known != null) {
            return known;
        }
        long hash = Rng.streamHash(ID_PREFIX_HASH, table);
        if (TABLE_HASHES.size() < CACHED_TABLES) {
            TABLE_HASHES.put(table, hash);
        }
        return hash;
    }

    /** Lowercase, hyphenated, as Latin-1 bytes: a string made from them needs no compressing. */
    private static String format(long hi, long lo) {
        byte[] out = new byte[36];
        hex(out, 0, hi >>> 32, 8);
        out[8] = '-';
        hex(out, 9, hi >>> 16, 4);
        out[13] = '-';
        hex(out, 14, hi, 4);
        out[18] = '-';
        hex(out, 19, lo >>> 48, 4);
        out[23] = '-';
        hex(out, 24, lo, 12);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The low {@code digits} nibbles of {@code value}, most significant first, at {@code at}. */
    private static void hex(byte[] out, int at, long value, int digits) {
        long v = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
    }
}

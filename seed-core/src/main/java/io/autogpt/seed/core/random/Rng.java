package io.autogpt.seed.core.random;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small, fast random source whose whole state derives from (seed, stream name, path).
 *
 * <p>Every row of the dataset draws from its own {@code Rng}, keyed by the run's seed, the table (or purpose) and
 * the row's ordinal path, so a row is a pure function of those values: it comes out the same whichever other rows
 * are generated, in whatever order and on whatever thread. The generator is SplitMix64 (Steele, Lea, Flood 2014),
 * which passes BigCrush and needs one {@code long} of state.
 *
 * <p>Not thread-safe; instances are cheap and meant to live for one row.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int CACHED_HASHES = 4096;
    private static final java.util.concurrent.ConcurrentMap<String, Long> HASHES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /** The random source of one row: {@code stream} names the table or purpose, {@code path} the ordinals. */
    public static Rng of(long seed, String stream, long... path) {
        return new Rng(key(seed, stream, path));
    }

    /**
     * The random source of the stream named {@code stream + part}, where {@code part} comes from a value (an id): the
     * same source as {@link #of(long, String, long...)} with the whole name, but only the constant {@code stream} is
     * remembered, so names made from values neither fill the bounded memory of names nor push constants out of it.
     */
    public static Rng of(long seed, String stream, String part, long... path) {
        return new Rng(keyOfHash(seed, streamHash(streamHash(stream), part), path));
    }

    /**
     * The random source of a stream named by its {@linkplain #streamHash(long, String) hash}: as
     * {@link #of(long, String, long...)} with the name whose hash it is, for callers that make names from parts.
     */
    public static Rng ofHashed(long seed, long streamHash, long... path) {
        return new Rng(keyOfHash(seed, streamHash, path));
    }

    /** A 64-bit key mixing seed, stream name and path; equal inputs give equal keys on every JVM. */
    public static long key(long seed, String stream, long... path) {
        return keyOfHash(seed, streamHash(stream), path);
    }

    /**
     * The hash of a whole stream name, remembered: names are a few hundred constants, and hashing one char by char
     * for every row's every draw was a tenth of generating. Bounded, so names made from values cannot fill memory;
     * callers with such names use {@link #of(long, String, String, long...)}, which keeps them out.
     */
    private static long streamHash(String stream) {
        Long known = HASHES.get(stream);
        if (known != null) {
            return known;
        }
        long hash = streamHash(streamHash(), stream);
        if (HASHES.size() < CACHED_HASHES) {
            HASHES.put(stream, hash);
        }
        return hash;
    }

    private static long keyOfHash(long seed, long streamHash, long... path) {
        long h = mix(seed ^ 0x5EEDL);
        h = mix(h ^ streamHash);
        for (long p : path) {
            h = mix(h + GOLDEN_GAMMA ^ p);
        }
        return h;
    }

    /** The hash of the empty stream name, to continue with {@link #streamHash(long, String)}. */
    public static long streamHash() {
        return FNV_OFFSET;
    }

    /**
     * FNV-1a of a stream name's UTF-8 bytes, continued from {@code hash} (the hash of the name's start), so a name
     * made of parts hashes without being made: {@code streamHash(streamHash(streamHash(), "id/"), table)} is the hash
     * of {@code "id/" + table}. ASCII (every name so far) is hashed char by char, anything else by its bytes.
     */
    public static long streamHash(long hash, String part) {
        long h = hash;
        int n = part.length();
        for (int i = 0; i < n; i++) {
            char c = part.charAt(i);
            if (c >= 0x80) {
                return fnv1a(hash, part.getBytes(StandardCharsets.UTF_8));
            }
            h ^= c;
            h *= FNV_PRIME;
        }
        return h;
    }

    private static long fnv1a(long hash, byte[] bytes) {
        long h = hash;
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** The SplitMix64 finaliser: a bijective avalanche of all 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound); bound must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Lemire's multiply-shift; the tiny bias (< 2^-32 for our bounds) does not matter for test data.
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, bound); bound must be positive. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return Math.floorMod(nextLong(), bound);
    }

    /** Uniform in [min, max], both inclusive. */
    public int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    public <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    public <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /** {@code length} lowercase hex characters. */
    public String hex(int length) {
        byte[] out = new byte[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if (i % 16 == 0) {
                bits = nextLong();
            }
            out[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@code length} characters of the URL-safe base64 alphabet, as Python's {@code secrets.token_urlsafe} gives. */
    public String urlSafe(int length) {
        char[] out = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if (i % 10 == 0) {
                bits = nextLong();
            }
            out[i] = URL_SAFE.charAt((int) (bits & 63));
            bits >>>= 6;
        }
        return new String(out);
    }
}

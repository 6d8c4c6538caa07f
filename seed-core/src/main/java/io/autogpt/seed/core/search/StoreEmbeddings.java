package io.autogpt.seed.core.search;

import io.autogpt.seed.core.vector.Embedding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seeded store's embeddings: deterministic stand-ins for the platform's OpenAI embeddings, placed so that vector
 * search behaves as it does on real data. Every word has a fixed random direction (the same in every seed and run;
 * in 1536 dimensions such directions are nearly orthogonal). A listing's vector is the sum of its categories'
 * directions, a smaller part for the other words of its text, and a little noise of its own, normalised; a query's
 * is built the same way from its words. So a search for a category's words ranks that category's listings first,
 * and listings sharing categories lie near each other. Thread-safe.
 */
public final class StoreEmbeddings {
    /** How much a listing's or query's other words weigh against one category. */
    private static final double WORD_WEIGHT = 0.3;
    /** How much a listing's own noise weighs against one category. */
    private static final double NOISE_WEIGHT = 0.3;
    private static final int CACHED_WORDS = 1024;

    private final List<String> categories;
    private final int dimensions;
    /** Directions of the words met so far (a store's vocabulary is small); bounded, so any query text is safe. */
    private final Map<String, float[]> directions = new ConcurrentHashMap<>();

    private static final StoreEmbeddings SEEDED = new StoreEmbeddings(
            io.autogpt.seed.core.random.AgentVocabulary.STORE_CATEGORIES, Embedding.PLATFORM_DIMENSIONS);

    /**
     * The embeddings of every seeded store: its categories, the platform's 1536 dimensions. Search a seeded
     * database with {@code seeded().query(words).text()} as the {@code vector} to compare with.
     */
    public static StoreEmbeddings seeded() {
        return SEEDED;
    }

    /**
     * Embeddings of {@code dimensions} for a store with these categories (the names a listing's {@code categories}
     * hold, each one or more words).
     */
    public StoreEmbeddings(List<String> categories, int dimensions) {
        if (dimensions < 2) {
            throw new IllegalArgumentException("embeddings need at least 2 dimensions, got " + dimensions);
        }
        this.categories = categories.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        this.dimensions = dimensions;
    }

    /** The vector a search for {@code query} compares listings with: its categories, then its other words. */
    public Embedding query(String query) {
        String text = " " + words(query) + " ";
        double[] sum = new double[dimensions];
        for (String category : categories) {
            if (text.contains(" " + category + " ")) {
                add(sum, direction(category), 1);
                text = text.replace(" " + category + " ", " ");
            }
        }
        addWords(sum, text);
        return normalised(sum);
    }

    /**
     * A listing's vector: its categories, the other words of its searchable text, and {@code noise} (a number of
     * the listing's own, so two listings of the same words still differ).
     */
    public Embedding listing(List<String> listingCategories, String searchableText, long noise) {
        double[] sum = new double[dimensions];
        for (String category : listingCategories) {
            add(sum, direction(category.toLowerCase(Locale.ROOT)), 1);
        }
        addWords(sum, words(searchableText));
        add(sum, gaussian(noise), NOISE_WEIGHT);
        return normalised(sum);
    }

    private void addWords(double[] sum, String text) {
        String[] words = text.strip().split(" +");
        int counted = 0;
        for (String w : words) {
            counted += w.isEmpty() ? 0 : 1;
        }
        if (counted == 0) {
            return;
        }
        double weight = WORD_WEIGHT / Math.sqrt(counted);
        for (String w : words) {
            if (!w.isEmpty()) {
                add(sum, direction(w), weight);
            }
        }
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private float[] direction(String word) {
        float[] cached = directions.get(word);
        if (cached != null) {
            return cached;
        }
        float[] made = gaussian(fnv(word));
        if (directions.size() < CACHED_WORDS) {
            directions.put(word, made);
        }
        return made;
    }

    /** A unit vector of independent normal components drawn from {@code seed} (SplitMix64, Box–Muller). */
    private float[] gaussian(long seed) {
        double[] v = new double[dimensions];
        long state = seed;
        double norm = 0;
        for (int i = 0; i < dimensions; i += 2) {
            state += 0x9E3779B97F4A7C15L;
            double u1 = ((mix(state) >>> 11) + 1) * 0x1.0p-53;
            state += 0x9E3779B97F4A7C15L;
            double u2 = (mix(state) >>> 11) * 0x1.0p-53;
            double r = Math.sqrt(-2 * Math.log(u1));
            v[i] = r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < dimensions) {
                v[i + 1] = r * Math.sin(2 * Math.PI * u2);
            }
        }
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    private static void add(double[] sum, float[] direction, double weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * direction[i];
        }
    }

    private static Embedding normalised(double[] sum) {
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = norm == 0 ? (i == 0 ? 1f : 0f) : (float) (sum[i] / norm);
        }
        return Embedding.of(out);
    }

    private static long fnv(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

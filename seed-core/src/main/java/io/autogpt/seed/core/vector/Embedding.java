package io.autogpt.seed.core.vector;

import java.util.Arrays;

/**
 * A pgvector {@code vector} value: a fixed number of floats, immutable. Its {@linkplain #text() text form} is what
 * pgvector reads and prints ({@code [0.012345,-0.000321,...]}), with six decimals: finer than the float4 pgvector
 * keeps for values of unit vectors, and about half the text of Java's shortest float form.
 */
public final class Embedding {
    /** The platform's embedding size (OpenAI {@code text-embedding-3-small}): the column is {@code vector(1536)}. */
    public static final int PLATFORM_DIMENSIONS = 1536;

    private final float[] values;

    private Embedding(float[] values) {
        this.values = values;
    }

    /** The vector of {@code values} (copied). */
    public static Embedding of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a vector needs at least one dimension");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("a vector holds finite values only, got " + v);
            }
        }
        return new Embedding(values.clone());
    }

    /** The vector pgvector's text form {@code [a,b,...]} stands for. */
    public static Embedding parse(String text) {
        String body = text.strip();
        if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
            throw new IllegalArgumentException("not a vector: " + (body.length() > 40 ? body.substring(0, 40) + "…"
                    : body));
        }
        String[] parts = body.substring(1, body.length() - 1).split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i].strip());
        }
        return of(values);
    }

    public int dimensions() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public double dot(Embedding other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("dimensions differ: " + values.length + " and " + other.values.length);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * other.values[i];
        }
        return sum;
    }

    /** The cosine of the angle between the two vectors, what pgvector's {@code <=>} subtracts from 1. */
    public double cosine(Embedding other) {
        return dot(other) / (norm() * other.norm());
    }

    /**
     * The float4 pgvector keeps for value {@code i} when it reads the {@linkplain #text() text form}: the nearest float
     * to its six decimals, which a binary COPY must send so that both ways store the same vector. One division in
     * double, then a rounding to float, is that nearest float: the six-decimal value lies far enough (relative 2^-39)
     * from any point halfway between two floats, unless it is one, that the double's rounding cannot cross it.
     */
    public float stored(int i) {
        long micros = micros(values[i]);
        float magnitude = (float) (micros / 1_000_000d);
        return values[i] < 0 && micros != 0 ? -magnitude : magnitude;
    }

    private static long micros(float v) {
        return Math.round(Math.abs((double) v) * 1_000_000d);
    }

    /** pgvector's text form, six decimals per value. */
    public String text() {
        StringBuilder out = new StringBuilder(values.length * 10 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendFixed(out, values[i]);
        }
        return out.append(']').toString();
    }

    /** {@code v} with six decimals, by integer arithmetic: a million-row load formats a billion of these. */
    private static void appendFixed(StringBuilder out, float v) {
        long micros = micros(v);
        if (v < 0 && micros != 0) {
            out.append('-');
        }
        out.append(micros / 1_000_000).append('.');
        long fraction = micros % 1_000_000;
        for (long scale = 100_000; scale > 0; scale /= 10) {
            out.append((char) ('0' + fraction / scale % 10));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + " dimensions]";
    }
}

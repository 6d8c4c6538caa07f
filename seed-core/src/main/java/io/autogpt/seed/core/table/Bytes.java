package io.autogpt.seed.core.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A PostgreSQL {@code bytea} value: bytes, immutable (copied in and out). Its {@linkplain #hex() text form} is
 * PostgreSQL's hex format ({@code \x0a1b…}), which every writer hands to the server and {@link #toString()} gives, so
 * canonical encodings of rows are stable.
 */
public final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** The bytes of {@code value} (copied). */
    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
    }

    /** The UTF-8 bytes of {@code text}. */
    public static Bytes utf8(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return value.clone();
    }

    public int size() {
        return value.length;
    }

    /** The SHA-256 of the bytes, as 64 lowercase hex digits (what the platform records beside a file). */
    public String sha256() {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** PostgreSQL's hex form: {@code \x} and two lowercase hex digits per byte. */
    public String hex() {
        return "\\x" + hex(value);
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}

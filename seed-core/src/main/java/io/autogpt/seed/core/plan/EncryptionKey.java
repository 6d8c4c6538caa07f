package io.autogpt.seed.core.plan;

import java.util.Arrays;
import java.util.Base64;

/**
 * The platform's own encryption key ({@code ENCRYPTION_KEY}), a Fernet key: 32 bytes, URL-safe base64. The platform
 * encrypts integration credentials and bot tokens with it; a dataset made with the same key holds values the platform
 * can decrypt. A secret: {@link #toString()} never shows it, and no message of this class quotes it.
 */
public final class EncryptionKey {
    private static final int LENGTH = 32;
    private final byte[] key;

    private EncryptionKey(byte[] key) {
        this.key = key;
    }

    /**
     * The key the platform reads from {@code text}: URL-safe base64 of 32 bytes, as {@code Fernet.generate_key()}
     * makes it.
     *
     * @throws IllegalArgumentException when {@code text} is not such a key (the message does not quote it)
     */
    public static EncryptionKey parse(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not URL-safe base64", e);
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a Fernet key is 32 bytes of URL-safe base64, got " + bytes.length
                    + " bytes");
        }
        return new EncryptionKey(bytes);
    }

    /** The first half: Fernet's HMAC-SHA256 signing key. A copy. */
    public byte[] signingKey() {
        return Arrays.copyOfRange(key, 0, LENGTH / 2);
    }

    /** The second half: Fernet's AES-128 encryption key. A copy. */
    public byte[] encryptionKey() {
        return Arrays.copyOfRange(key, LENGTH / 2, LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey k && java.security.MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "EncryptionKey[redacted]";
    }
}

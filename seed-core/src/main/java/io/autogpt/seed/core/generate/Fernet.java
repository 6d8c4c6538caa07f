package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.random.Rng;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's {@code JSONCryptor}: a JSON object as Python's {@code json.dumps} writes it, encrypted into a Fernet
 * token (version 0x80, the time in seconds, a 16-byte IV, AES-128-CBC with PKCS#7 padding, HMAC-SHA256 over all of
 * it, URL-safe base64). The IV comes from the row's random stream and the time from the row's own timestamp, so a
 * token is a pure function of (seed, ordinal, plan, key). Thread-safe.
 */
final class Fernet {
    private static final byte VERSION = (byte) 0x80;
    private final EncryptionKey key;

    Fernet(EncryptionKey key) {
        this.key = key;
    }

    /** The token of {@code payload} (keys in their order), made at {@code at} with an IV drawn from {@code rng}. */
    String encrypt(Map<String, ?> payload, LocalDateTime at, Rng rng) {
        byte[] plain = pythonJson(payload).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[16];
        putLong(iv, 0, rng.nextLong());
        putLong(iv, 8, rng.nextLong());
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.encryptionKey(), "AES"), new IvParameterSpec(iv));
            byte[] cipher = aes.doFinal(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(VERSION);
            byte[] time = new byte[8];
            putLong(time, 0, at.toEpochSecond(ZoneOffset.UTC));
            out.writeBytes(time);
            out.writeBytes(iv);
            out.writeBytes(cipher);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.signingKey(), "HmacSHA256"));
            out.writeBytes(mac.doFinal(out.toByteArray()));
            return Base64.getUrlEncoder().encodeToString(out.toByteArray());
        } catch (GeneralSecurityException e) {
            // AES-CBC and HMAC-SHA256 are in every JDK: this is a broken runtime, not bad input.
            throw new IllegalStateException("the JDK cannot do AES-CBC or HMAC-SHA256", e);
        }
    }

    /** {@code value} big-endian into {@code bytes[at .. at + 8)}, as Fernet writes its time. */
    private static void putLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + 7 - i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * {@code json.dumps(value)} with Python's defaults: {@code ", "} and {@code ": "} separators, non-ASCII escaped as
     * {@code \\uXXXX}. Strings, numbers, booleans, null, lists and maps (in their iteration order).
     */
    static String pythonJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, @org.jspecify.annotations.Nullable Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? ", " : "");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                write(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
        }
    }
}

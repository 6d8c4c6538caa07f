package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * COPY text being made, as UTF-8 bytes. Rows are encoded straight into bytes: going through a {@code StringBuilder}
 * costs a copy into a {@code String} and another into bytes per chunk, and the first non-Latin-1 character of a
 * chunk (a name with an accent, an emoji in a description) makes the builder re-encode everything it holds as UTF-16.
 * On a large load that was a fifth of the generator's time.
 */
final class CopyBuffer {
    private byte[] bytes;
    private int size;
    /** A string's characters while they are encoded; grows to the longest string seen. */
    private char[] chars = new char[256];

    /** Where {@link #detach} takes its next array; null: a new one each time. */
    private final @Nullable ChunkArrays arrays;

    CopyBuffer(int capacity) {
        this.bytes = new byte[capacity];
        this.arrays = null;
    }

    /** A buffer whose arrays come from {@code arrays}, and whose detached arrays go back there once read. */
    CopyBuffer(ChunkArrays arrays) {
        this.bytes = arrays.take();
        this.arrays = arrays;
    }

    int size() {
        return size;
    }

    /** The bytes so far; valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    /** Forgets the bytes so far, keeping the capacity. */
    void clear() {
        size = 0;
    }

    /**
     * Hands the bytes so far over (up to {@link #size()}) and starts a new array: one of its {@link ChunkArrays}, else
     * a new one of the same capacity.
     */
    byte[] detach() {
        byte[] full = bytes;
        bytes = arrays != null ? arrays.take() : new byte[full.length];
        size = 0;
        return full;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** One ASCII character, as is. */
    CopyBuffer ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII and free of COPY's special characters (enum labels, numbers), as is. */
    CopyBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /**
     * Any text as a COPY text-format value: UTF-8, with backslash, tab, newline and carriage return escaped. A lone
     * surrogate becomes {@code ?}, as {@link String#getBytes} makes it.
     */
    CopyBuffer text(String s) {
        int n = s.length();
        ensure(n * 3);
        // The characters in bulk, then read from an array: charAt checks its index on every call, and on a string
        // with any character beyond Latin-1 (a dash, an emoji) that check was the generator's hottest frame.
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[at++] = '\\'; b[at++] = '\\'; }
                    case '\t' -> { b[at++] = '\\'; b[at++] = 't'; }
                    case '\n' -> { b[at++] = '\\'; b[at++] = 'n'; }
                    case '\r' -> { b[at++] = '\\'; b[at++] = 'r'; }
                    default -> b[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
        return this;
    }

    /** Any text as UTF-8, unescaped (a binary COPY value's bytes); a lone surrogate becomes {@code ?}, as above. */
    CopyBuffer utf8(String s) {
        // The JDK's own encoder: a string of ASCII only (most of the rows' text, all of their JSON's structure) is
        // one check and one copy of its bytes, where text's loop reads each character; JFR put that loop, encoding
        // binary values too, at a tenth of the generator's samples at scale 20.
        byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return this;
    }

    /** One byte. */
    CopyBuffer int8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
        return this;
    }

    /** A 16-bit integer, big-endian (network order, as every binary COPY number). */
    CopyBuffer int16(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    /** A 32-bit integer, big-endian. */
    CopyBuffer int32(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
        return this;
    }

    /** A 64-bit integer, big-endian. */
    CopyBuffer int64(long v) {
        ensure(8);
        putInt(size, (int) (v >>> 32));
        putInt(size + 4, (int) v);
        size += 8;
        return this;
    }

    /** Raw bytes, as they are. */
    CopyBuffer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /**
     * Leaves room for a 32-bit length, for a value whose size is known only once written; {@link #fillLength} fills it.
     *
     * @return where the length goes
     */
    int reserveLength() {
        ensure(4);
        int at = size;
        size += 4;
        return at;
    }

    /** Writes at {@code at} (from {@link #reserveLength}) the number of bytes written after it. */
    void fillLength(int at) {
        putInt(at, size - at - 4);
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    /** A non-negative number in decimal, left-padded with zeros to {@code width} digits. */
    CopyBuffer digits(int value, int width) {
        int length = 1;
        for (int v = value; v >= 10; v /= 10) {
            length++;
        }
        int total = Math.max(length, width);
        ensure(total);
        int end = size + total;
        int at = end;
        int v = value;
        do {
            bytes[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (at > size) {
            bytes[--at] = '0';
        }
        size = end;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * COPY text being made, as UTF-8 bytes. Rows are encoded straight into bytes: going through a {@code StringBuilder}
 * costs a copy into a {@code String} and another into bytes per chunk, and the first non-Latin-1 character of a
 * chunk (a name with an accent, an emoji in a description) makes the builder re-encode everything it holds as UTF-16.
 * On a large load that was a fifth of the generator's time.
 */
final class CopyBuffer {
    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        this.bytes = new byte[capacity];
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

    /** Hands the bytes so far over (up to {@link #size()}) and starts a new array of the same capacity. */
    byte[] detach() {
        byte[] full = bytes;
        bytes = new byte[full.length];
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
     * Any text as a COPY value: UTF-8, with backslash, tab, newline and carriage return escaped. A lone surrogate
     * becomes {@code ?}, as {@link String#getBytes} makes it.
     */
    CopyBuffer text(String s) {
        int n = s.length();
        ensure(n * 3);
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
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
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
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

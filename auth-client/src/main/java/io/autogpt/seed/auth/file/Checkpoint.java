package io.autogpt.seed.auth.file;

import io.autogpt.seed.core.port.SaveTokensPort;
import io.autogpt.seed.core.token.IssuedToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tokens saved as they arrive, one JSON line each (mode 0600), so a run that crashes or is stopped can be resumed
 * without asking for them again. Each line is handed to the operating system as soon as it is written, which is
 * enough to survive the process being killed. A torn last line (killed mid-write: no newline after it) is the one
 * unreadable line tolerated: ignored on reading, cut off when the file is opened again. Any other unreadable line is
 * an error naming it, since the file was then changed by something else and its tokens cannot be trusted.
 *
 * <p>{@link #append} is thread-safe. The checkpoint owns its file channel until {@link #close()}.
 */
public final class Checkpoint implements SaveTokensPort.Arrivals {
    private final Path file;
    private final FileChannel channel;

    private Checkpoint(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file} for appending, creating it if absent, and owner-only (mode 0600) whatever it was. A torn last
     * line is cut off first, so the next token starts a line of its own.
     */
    public static Checkpoint open(Path file) {
        try {
            FileChannel channel = SecureFiles.append(file);
            try {
                channel.truncate(endOfLastWholeLine(file));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Checkpoint(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open checkpoint " + file, e);
        }
    }

    /**
     * The tokens saved in {@code file}, in the order they arrived; none if there is no file.
     *
     * @throws UncheckedIOException naming the file and the line, when a line other than a torn last one is not a
     *                              saved token (its text is not quoted: it may hold a token)
     */
    public static List<IssuedToken> read(Path file) {
        if (Files.notExists(file)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        List<IssuedToken> tokens = new ArrayList<>();
        int line = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            line++;
            IssuedToken token = token(bytes, start, end);
            if (token != null) {
                tokens.add(token);
            } else if (end < bytes.length) {
                // Only a line without its newline can have been torn by a kill; this one was changed afterwards.
                throw new UncheckedIOException("cannot read checkpoint " + file, new IOException("line " + line
                        + " is not a token autogpt-seed saved (only a last line cut short by a kill may be "
                        + "unreadable); remove that line, or the file to start over"));
            }
            start = end + 1;
        }
        return tokens;
    }

    /** The token on bytes {@code [start, end)}, or null when they are not one saved here. */
    private static @Nullable IssuedToken token(byte[] bytes, int start, int end) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
            TokenFiles.SavedToken saved = TokenFiles.JSON.readValue(text, TokenFiles.SavedToken.class);
            return saved == null ? null : saved.toIssuedToken();
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeException e) {
            // Not UTF-8, not JSON, or JSON without a token's fields: the caller decides whether that may be.
            return null;
        }
    }

    /** Where the last line ending in a newline ends: the file's size, unless its last line was torn. */
    private static long endOfLastWholeLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            for (long at = channel.size() - 1; at >= 0; at--) {
                one.clear();
                if (channel.read(one, at) == 1 && one.get(0) == '\n') {
                    return at + 1;
                }
            }
            return 0;
        }
    }

    /** Removes the checkpoint at {@code file}, once its tokens are in the final files; none there is fine. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("tokens written, but cannot delete checkpoint " + file, e);
        }
    }

    /** Saves one token. */
    public synchronized void append(IssuedToken t) {
        try {
            byte[] json = TokenFiles.JSON.writeValueAsBytes(TokenFiles.SavedToken.of(t));
            ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** Saves one token: {@link #append}. */
    @Override
    public void save(IssuedToken token) {
        append(token);
    }

    /** The checkpoint's file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close checkpoint " + file, e);
        }
    }
}

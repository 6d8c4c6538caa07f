package io.autogpt.seed.auth.file;

import io.autogpt.seed.core.token.IssuedToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens saved as they arrive, one JSON line each (mode 0600), so a run that crashes or is stopped can be resumed
 * without asking for them again. Each line is handed to the operating system as soon as it is written, which is
 * enough to survive the process being killed; a torn last line (killed mid-write) is ignored on reading.
 *
 * <p>{@link #append} is thread-safe. The checkpoint owns its file channel until {@link #close()}.
 */
public final class Checkpoint implements Closeable {
    private final Path file;
    private final FileChannel channel;

    private Checkpoint(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens {@code file} for appending, creating it if absent. */
    public static Checkpoint open(Path file) {
        try {
            return new Checkpoint(file, SecureFiles.append(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open checkpoint " + file, e);
        }
    }

    /** The tokens saved in {@code file}, in the order they arrived; none if there is no file. */
    public static List<IssuedToken> read(Path file) {
        if (Files.notExists(file)) {
            return List.of();
        }
        List<IssuedToken> tokens = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    tokens.add(TokenFiles.JSON.readValue(text, TokenFiles.SavedToken.class).toIssuedToken());
                } catch (IOException e) {
                    // A line torn by a kill mid-write: its token was never counted as held.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        return tokens;
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

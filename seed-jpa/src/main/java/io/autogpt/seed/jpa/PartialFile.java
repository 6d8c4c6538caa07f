package io.autogpt.seed.jpa;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears under its name only when complete: written under a temporary name beside it ({@code
 * .NAME….partial}), renamed to it atomically on {@link #commit()}, and removed on any other end — {@link #close()}
 * without commit, or the JVM shutting down first (SIGTERM, Ctrl-C; a SIGKILL leaves the temporary file, never the
 * target).
 *
 * <p>Owns its stream: {@link #out()} is valid until {@code commit} or {@code close}, and its caller never closes it.
 * One thread writes; the shutdown hook only deletes.
 */
final class PartialFile implements AutoCloseable {
    /** Opens the temporary file for writing: {@code Files::newOutputStream}, or a failing stream in tests. */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path temp) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final Thread removeOnShutdown;
    private boolean ended;

    private PartialFile(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
        this.removeOnShutdown = new Thread(this::deleteTemp, "autogpt-seed: remove " + temp.getFileName());
    }

    /**
     * Creates the temporary file beside {@code target} (and the directories up to it) and opens it with {@code open}.
     *
     * @throws IOException when the file cannot be created or opened; nothing is left then
     */
    static PartialFile create(Path target, Opener open) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".partial");
        OutputStream stream;
        try {
            stream = new BufferedOutputStream(open.open(temp), 1 << 16);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        PartialFile file = new PartialFile(absolute, temp, stream);
        Runtime.getRuntime().addShutdownHook(file.removeOnShutdown);
        return file;
    }

    /** The stream to write the content to; owned by this file. */
    OutputStream out() {
        return out;
    }

    /**
     * Flushes and closes the stream, then renames the temporary file to the target, replacing it.
     *
     * @throws IOException when flushing, closing or renaming fails; {@link #close()} then removes the temporary file
     */
    void commit() throws IOException {
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        end();
    }

    /** Unless committed: closes the stream, whatever it throws (a full disk fails the flush), and removes the file. */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // The write already failed, or is abandoned: the file goes either way.
        } finally {
            deleteTemp();
            end();
        }
    }

    private void end() {
        ended = true;
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnShutdown);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs, and finds nothing left to delete or deletes it.
        }
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Best effort: it has a .partial name and never replaces the target.
        }
    }
}

package io.autogpt.seed.auth.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold tokens: owner-only from creation (mode 0600), and replaced whole or not at all. */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a temporary file beside {@code target}, forces it to disk and renames it over {@code target}: a reader
     * sees the old file or the new one, never half of one. The temporary file is removed if anything fails.
     */
    static void replace(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = POSIX ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Opens {@code file} for appending, creating it owner-only if absent and making it owner-only if it
     * was not: tokens are about to go into it, whoever made it and however.
     */
    static FileChannel append(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (POSIX && Files.notExists(file)) {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND),
                    ownerOnly());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (POSIX) {
            try {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    /**
     * Whether {@code file} is readable and writable by its owner only, as the file system reports it: false where
     * it has no POSIX modes (then nothing was restricted, and a summary must not claim it was).
     */
    public static boolean isOwnerOnly(Path file) {
        try {
            return POSIX && Files.getPosixFilePermissions(file).equals(OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}

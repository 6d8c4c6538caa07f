package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedRunner;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQL file appears whole or not at all: a write that fails anywhere leaves nothing in its directory. */
class SqlFileTransactionTest {
    private static final SeedPlan PLAN = SeedPlan.of(3, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(5));

    @Test
    void aDiskThatFillsMidFileLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("seed.sql");
        // As a full disk does: every write past the limit fails, the flush when closing too.
        assertThatThrownBy(() -> run(target, temp -> new Failing(Files.newOutputStream(temp), 200_000, false)))
                .isInstanceOf(UncheckedIOException.class).hasMessage("cannot write " + target)
                .hasRootCauseMessage("No space left on device");
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aDiskThatFillsWhileTheSchemaIsWrittenLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("seed.sql");
        // The schema's DDL outgrows the buffer: the first write fails before any row.
        assertThatThrownBy(() -> run(target, true, temp -> new Failing(Files.newOutputStream(temp), 0, false)))
                .hasMessage("cannot write " + target).hasRootCauseMessage("No space left on device");
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aWriteErrorReportedOnlyWhenClosingLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("seed.sql");
        // As NFS may: every write accepted, the error reported when the file is closed.
        assertThatThrownBy(() -> run(target, temp -> new Failing(Files.newOutputStream(temp), Long.MAX_VALUE, true)))
                .hasMessage("cannot write " + target).hasRootCauseMessage("No space left on device");
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aCompleteRunLeavesTheFileAlone(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("seed.sql");
        run(target, Files::newOutputStream);
        assertThat(files(dir)).containsExactly(target);
        assertThat(Files.readString(target)).endsWith("COMMIT;\n");
    }

    @Test
    void aFileRefusesLoginAccountsAndLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("seed.sql");
        assertThatThrownBy(() -> new SeedRunner(plan -> new SqlFileTransaction(target, "platform", plan,
                SchemaVersion.newest(), false, Files::newOutputStream), SeedProgress.NONE).withLoginAccounts()
                .run(PLAN, false))
                .isInstanceOf(io.autogpt.seed.core.port.TargetException.class)
                .hasMessage("a SQL file cannot give the seeded users login accounts");
        assertThat(files(dir)).isEmpty();
    }

    private static void run(Path target, PartialFile.Opener open) {
        run(target, false, open);
    }

    private static void run(Path target, boolean createSchema, PartialFile.Opener open) {
        new SeedRunner(plan -> new SqlFileTransaction(target, "platform", plan, SchemaVersion.newest(), createSchema,
                open), SeedProgress.NONE).run(PLAN, false);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Fails with ENOSPC's message once {@code limit} bytes are written, or when closed. */
    private static final class Failing extends FilterOutputStream {
        private final long limit;
        private final boolean onClose;
        private long written;

        Failing(OutputStream out, long limit, boolean onClose) {
            super(out);
            this.limit = limit;
            this.onClose = onClose;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("No space left on device");
            }
            written += len;
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (onClose) {
                throw new IOException("No space left on device");
            }
        }
    }
}

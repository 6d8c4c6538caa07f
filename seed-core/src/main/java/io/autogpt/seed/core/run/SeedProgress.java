package io.autogpt.seed.core.run;

/**
 * Hears how a run advances, for a progress display. {@link #rowsWritten} is called on the thread that consumes the
 * table's rows (a writer may consume them on a thread of its own), the other methods on the thread that drives the
 * run, never two at once. Implementations must be quick: they are called every few thousand rows.
 */
public interface SeedProgress {
    /** Hears nothing. */
    SeedProgress NONE = new SeedProgress() {
    };

    /** A table is about to be written. */
    default void tableStarted(String table) {
    }

    /** {@code rows} rows of {@code table} have been handed to the writer so far. */
    default void rowsWritten(String table, long rows) {
    }

    /** A table is done. */
    default void tableFinished(SeedReport.TableReport report) {
    }

    /** The run is over, whether it committed, found the seed already there, or failed. */
    default void runFinished() {
    }
}

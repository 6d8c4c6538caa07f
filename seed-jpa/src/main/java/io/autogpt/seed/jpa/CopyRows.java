package io.autogpt.seed.jpa;

/**
 * How one table's rows become the bytes of one COPY: the statement's format, what goes before the first row and after
 * the last, and each row. {@link CopyText} and {@link CopyBinary} make them.
 *
 * @param <R> the row type
 */
interface CopyRows<R extends Record> {
    /** The COPY statement's {@code FORMAT}, and a short name for reports: {@code text}, {@code binary}. */
    String format();

    /** What goes before the first row. */
    void begin(CopyBuffer out);

    /** Appends {@code row}. */
    void append(CopyBuffer out, R row);

    /** What goes after the last row. */
    void end(CopyBuffer out);
}

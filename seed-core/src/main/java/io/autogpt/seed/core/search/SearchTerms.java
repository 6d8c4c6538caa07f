package io.autogpt.seed.core.search;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "SearchTerms"}: one logged marketplace search. Ids are {@link io.autogpt.seed.core.run.Dataset#searchTermIds
 * a block of the seed's} far above the table's sequence, so the platform's own rows never meet them.
 */
public record SearchTerms(long id, LocalDateTime createdDate, String searchTerm) {
    public static final Table<SearchTerms> TABLE = Table.insertOf(SearchTerms.class);

    public SearchTerms {
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(searchTerm, "searchTerm");
    }
}

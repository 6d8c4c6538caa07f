package io.autogpt.seed.jpa;

/**
 * The refresh of the marketplace's materialised views after a seed, the one statement both the database writers and
 * SQL files run: the platform's own function where it exists; and where this role may not refresh them (only their
 * owner may), a warning instead of a failed run — the platform's scheduled refresh picks the rows up.
 */
final class StoreViews {
    static final String REFRESH_SQL = "DO $refresh$ BEGIN "
            + "IF to_regproc('refresh_store_materialized_views') IS NOT NULL THEN "
            + "BEGIN PERFORM refresh_store_materialized_views(); "
            + "EXCEPTION WHEN insufficient_privilege THEN RAISE WARNING 'the store''s materialized views were not "
            + "refreshed: %; the marketplace shows the new listings after the platform''s next refresh', SQLERRM; "
            + "END; END IF; END $refresh$";

    private StoreViews() {
    }
}

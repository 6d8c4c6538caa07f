package io.autogpt.seed.it;

import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.testing.DatasetStoreContract;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import io.autogpt.seed.jpa.SeedTargets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * PostgreSQL keeps the contract the in-memory store keeps: the same test, run against the real database through
 * each writer, each test on a fresh database.
 */
class PostgresStoreContractTest {
    private static final String SCHEMA = "platform";

    /** One fresh database per test, the seeder creating the schema. */
    abstract static class OnPostgres extends DatasetStoreContract {
        private TestDatabase db;
        private WriteDatasetPort port;

        abstract SeedTargets.Writer writer();

        @BeforeEach
        void freshDatabase() {
            db = TestDatabase.create(PostgresStoreContractTest.class);
            port = SeedTargets.postgres(db.url().withSchema(SCHEMA), writer(), true);
        }

        @AfterEach
        void dropDatabase() {
            db.close();
        }

        @Override
        protected WriteDatasetPort port() {
            return port;
        }

        @Override
        protected Map<String, Long> counts() {
            try (Connection c = db.connect(SCHEMA)) {
                Map<String, Long> out = new LinkedHashMap<>();
                if (Sql.count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'platform'") > 0) {
                    Sql.counts(c).forEach((t, n) -> {
                        if (n > 0) {
                            out.put(t, n);
                        }
                    });
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class WithCopy extends OnPostgres {
        @Override
        SeedTargets.Writer writer() {
            return SeedTargets.Writer.COPY;
        }
    }

    @Nested
    class WithJpa extends OnPostgres {
        @Override
        SeedTargets.Writer writer() {
            return SeedTargets.Writer.JPA;
        }
    }
}

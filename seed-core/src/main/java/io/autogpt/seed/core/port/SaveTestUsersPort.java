package io.autogpt.seed.core.port;

import io.autogpt.seed.core.token.TestUser;
import java.util.List;

/** Gives test users their platform {@code "User"} rows, with the same ids as in Supabase Auth. */
@FunctionalInterface
public interface SaveTestUsersPort {
    /**
     * Creates the rows that are missing, in one transaction; rows that exist (same id or same email) stay as they
     * are.
     *
     * @param users users with ids
     * @return how many rows were created
     * @throws TargetException when the database refuses
     */
    int save(List<TestUser> users);
}

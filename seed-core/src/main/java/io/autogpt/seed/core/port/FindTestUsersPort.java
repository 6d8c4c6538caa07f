package io.autogpt.seed.core.port;

import io.autogpt.seed.core.token.TestUser;
import java.util.List;

/**
 * Reads users that exist in a platform database, so minted tokens belong to users who own graphs, executions and
 * library agents.
 */
@FunctionalInterface
public interface FindTestUsersPort {
    /**
     * Up to {@code limit} users with their ids, no passwords, ordered by email.
     *
     * @throws TargetException when the database cannot be read
     */
    List<TestUser> find(int limit);
}

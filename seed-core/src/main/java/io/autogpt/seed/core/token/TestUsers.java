package io.autogpt.seed.core.token;

import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.random.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds lists of test users. */
public final class TestUsers {
    /** The placeholder a pattern numbers users with. */
    public static final String NUMBER = "{n}";

    private TestUsers() {
    }

    /**
     * One user per number of {@code range}, its email {@code pattern} with {@value #NUMBER} replaced by the number:
     * {@code loadtest{n}@example.com} over {@code 4..50} gives loadtest4@… to loadtest50@….
     *
     * @param password the password all of them share, or {@code null} to mint tokens without logging in
     * @throws IllegalArgumentException if the pattern has no {@value #NUMBER} or is no email
     */
    public static List<TestUser> numbered(String pattern, IntRange range, @Nullable String password) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.contains(NUMBER)) {
            throw new IllegalArgumentException("the email pattern must contain " + NUMBER + ", got '" + pattern + "'");
        }
        if (pattern.indexOf('@') < 1) {
            throw new IllegalArgumentException("the email pattern must be an email like loadtest{n}@example.com, got '"
                    + pattern + "'");
        }
        List<TestUser> users = new ArrayList<>(range.max() - range.min() + 1);
        for (int n = range.min(); n <= range.max(); n++) {
            users.add(new TestUser(pattern.replace(NUMBER, Integer.toString(n)), password, null));
        }
        return List.copyOf(users);
    }

    /**
     * A stable user id for a user that has none yet: the same email always gives the same v4-shaped UUID. Used when
     * tokens are minted for users the platform has not seen; its backend creates the {@code "User"} row on first
     * request.
     */
    public static String derivedId(String email) {
        return Ids.uuid(0, "test-user/", email.toLowerCase(java.util.Locale.ROOT));
    }
}

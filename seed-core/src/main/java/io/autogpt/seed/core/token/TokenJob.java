package io.autogpt.seed.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One token to obtain: which user, which round.
 *
 * @param user  the user to log in as
 * @param round the user's round, from 1
 */
public record TokenJob(TestUser user, int round) {
    public TokenJob {
        Objects.requireNonNull(user, "user");
        if (round < 1) {
            throw new IllegalArgumentException("round starts at 1, got " + round);
        }
    }

    /**
     * What identifies a job across runs, for resuming.
     *
     * @param email the user's email
     * @param round the round
     */
    public record Key(String email, int round) {
    }

    public Key key() {
        return new Key(user.email(), round);
    }

    /**
     * {@code count} jobs over {@code users}, round by round: every user once (round 1), then every user again
     * (round 2) and so on — the order the k6 tests hand tokens to virtual users, so VU n and VU n+users share a
     * user but never a session.
     *
     * @throws IllegalArgumentException if there are no users or {@code count < 1}
     */
    public static List<TokenJob> roundRobin(List<TestUser> users, int count) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no test users to log in");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, got " + count);
        }
        List<TokenJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(new TokenJob(users.get(i % users.size()), i / users.size() + 1));
        }
        return List.copyOf(jobs);
    }
}

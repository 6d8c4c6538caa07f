package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginUsersAdminShareTest {
    private static final String HASH = "$2a$10$" + "a".repeat(53);

    @Test
    void theShareChoosesAboutThatManyUsersAndTheSameOnesEveryTime() {
        LoginUsers logins = new LoginUsers(HASH, 0.2);
        long admins = IntStream.range(0, 10_000).mapToObj(i -> UUID.nameUUIDFromBytes(("u" + i).getBytes()).toString())
                .filter(logins::admin).count();
        assertThat(admins).isBetween(1_800L, 2_200L);
        String id = UUID.nameUUIDFromBytes("x".getBytes()).toString();
        assertThat(new LoginUsers(HASH, 0.2).admin(id)).isEqualTo(logins.admin(id));
        assertThat(new LoginUsers(HASH).admin(id)).isFalse();
        assertThat(new LoginUsers(HASH, 1).admin(id)).isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAndTheHashIsNeverShown() {
        assertThatThrownBy(() -> new LoginUsers(HASH, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginUsers(HASH, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LoginUsers(HASH, 0.5).toString()).doesNotContain(HASH);
    }

    @Test
    void theCredentialAccountsIdIsAUuidDerivedFromTheUsers() {
        String user = UUID.randomUUID().toString();
        assertThat(BetterAuthLogins.accountId(user)).isEqualTo(BetterAuthLogins.accountId(user))
                .isNotEqualTo(user).matches("[0-9a-f-]{36}");
    }
}

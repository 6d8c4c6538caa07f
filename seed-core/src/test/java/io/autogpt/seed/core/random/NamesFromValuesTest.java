package io.autogpt.seed.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Streams and id tables named partly by a value (a listing id, an email) are the very streams of the whole name:
 * passing the value apart only keeps it out of the remembered names.
 */
class NamesFromValuesTest {
    private static final String VALUE = "3f1c2b9e-8d7a-4c55-9b21-0a6e5d4c3b2a";

    @Test
    void aStreamNamedWithAValuePartIsTheStreamOfTheWholeName() {
        Rng whole = Rng.of(42, "advance/store/decide/" + VALUE, 7);
        Rng parts = Rng.of(42, "advance/store/decide/", VALUE, 7);
        for (int i = 0; i < 8; i++) {
            assertThat(parts.nextLong()).isEqualTo(whole.nextLong());
        }
        assertThat(Rng.of(42, "advance/store/decide/", VALUE, 8).nextLong())
                .isNotEqualTo(Rng.of(42, "advance/store/decide/", VALUE, 7).nextLong());
    }

    @Test
    void anIdNamedWithAValuePartIsTheIdOfTheWholeName() {
        assertThat(Ids.uuid(42, "StoreListingVersion/advance/", VALUE, 3))
                .isEqualTo(Ids.uuid(42, "StoreListingVersion/advance/" + VALUE, 3))
                .isNotEqualTo(Ids.uuid(42, "StoreListingVersion/advance/", VALUE, 4));
        // Beyond ASCII too: an email with an accent.
        assertThat(Ids.uuid(0, "test-user/", "zoë@example.com")).isEqualTo(Ids.uuid(0, "test-user/zoë@example.com"));
    }
}

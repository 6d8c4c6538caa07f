package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.RowFaker;
import net.datafaker.Faker;

/**
 * The person behind user {@code u}: the same name on the account, the profile and the email address.
 * Not thread-safe (it holds a {@link RowFaker}); one per factory.
 */
final class PersonNames {
    /** A person's name and the handle derived from it for emails and usernames. */
    record PersonName(String first, String last) {
        String full() {
            return first + " " + last;
        }

        /** {@code first-last}, lowercase ASCII, never empty. */
        String handle() {
            String handle = DatasetShape.slug(first + " " + last);
            return handle.isEmpty() ? "user" : handle;
        }
    }

    private final DatasetShape shape;
    private final RowFaker faker = new RowFaker();

    PersonNames(DatasetShape shape) {
        this.shape = shape;
    }

    PersonName of(long u) {
        Faker f = faker.at(shape.rng("name/user", u));
        return new PersonName(f.name().firstName(), f.name().lastName());
    }
}

package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import io.autogpt.seed.core.user.Profile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import net.datafaker.Faker;

/** Makes the one {@code "Profile"} row of each user. Not thread-safe; one instance per generating thread. */
final class ProfileFactory {
    private final DatasetShape shape;
    private final PersonNames names;
    private final RowFaker faker = new RowFaker();

    public ProfileFactory(DatasetShape shape) {
        this.shape = shape;
        this.names = new PersonNames(shape);
    }

    /** User {@code u}'s profile username: their name's handle and the seed tag, unique across seeds. */
    public String username(long u) {
        return names.of(u).handle() + "-" + shape.tag(u);
    }

    public Profile create(long u) {
        Rng rng = shape.rng("Profile", u);
        Faker f = faker.at(rng);
        PersonNames.PersonName name = names.of(u);
        String username = username(u);
        LocalDateTime createdAt = shape.soonAfter(rng, shape.userCreatedAt(u), Duration.ofDays(3));
        LocalDateTime updatedAt = DatasetShape.between(rng, createdAt, shape.now());
        List<String> links = rng.chance(0.6)
                ? List.of("https://github.com/" + username, "https://www.linkedin.com/in/" + username)
                : List.of();
        return new Profile(shape.profileId(u), createdAt, updatedAt, shape.userId(u), name.full(), username,
                f.lorem().sentence(rng.between(8, 20)), links,
                "https://picsum.photos/seed/" + username + "/200/200", rng.chance(0.05));
    }
}

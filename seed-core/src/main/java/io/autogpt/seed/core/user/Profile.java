package io.autogpt.seed.core.user;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "Profile"}: a user's public creator profile on the marketplace. */
public record Profile(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                      String name, String username, String description, List<String> links,
                      @Nullable String avatarUrl, boolean isFeatured) {
    public static final Table<Profile> TABLE = Table.insertOf(Profile.class);

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(description, "description");
        links = List.copyOf(links);
    }
}

package io.autogpt.seed.core.user;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "Profile"}: a user's public creator profile on the marketplace. */
public record Profile(String id, LocalDateTime createdAt, LocalDateTime updatedAt, @Nullable String userId,
                      String name, String username, String description, List<String> links,
                      @Nullable String avatarUrl, boolean isFeatured) {
    public static final Table<Profile> TABLE = Table.insert("Profile", Profile.class)
            .text("id", Profile::id).timestamp("createdAt", Profile::createdAt)
            .timestamp("updatedAt", Profile::updatedAt).nullableText("userId", Profile::userId)
            .text("name", Profile::name).text("username", Profile::username)
            .text("description", Profile::description).textArray("links", Profile::links)
            .nullableText("avatarUrl", Profile::avatarUrl).bool("isFeatured", Profile::isFeatured)
            .build();

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(description, "description");
        links = List.copyOf(links);
    }
}

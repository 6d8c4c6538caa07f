package io.autogpt.seed.core.org;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OrganizationSeatAssignment"}: a member's seat, one per (organizationId, userId), referencing
 * the membership. The platform writes it only when it bootstraps an organisation, for the owner.
 */
public record OrganizationSeatAssignment(String id, String organizationId, String userId, SeatType seatType,
                                         SeatStatus status, @Nullable String assignedByUserId,
                                         LocalDateTime createdAt, LocalDateTime updatedAt) {
    public static final Table<OrganizationSeatAssignment> TABLE = Table.insertOf(OrganizationSeatAssignment.class);

    public OrganizationSeatAssignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(seatType, "seatType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

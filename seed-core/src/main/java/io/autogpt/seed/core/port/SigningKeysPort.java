package io.autogpt.seed.core.port;

/**
 * The public keys an auth server publishes (Better Auth's {@code "UserAuthJwks"} table): installing one makes tokens
 * signed with its private key verify against the server's JWKS; removing it revokes every such token.
 */
public interface SigningKeysPort {
    /**
     * Publishes {@code publicJwk} under {@code keyId}, dated so the server never signs with it; a second call with the
     * same id changes nothing.
     *
     * @return true when the row was added, false when it was there already
     * @throws TargetException when the table is missing, the server has no key of its own yet, or the write fails
     */
    boolean install(String keyId, String publicJwk);

    /**
     * Removes the key this tool installed under {@code keyId}; never a key of the server's own.
     *
     * @return true when a row was removed
     */
    boolean remove(String keyId);
}

package io.autogpt.seed.auth.mint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * An ES256 (EC P-256) key pair for minting Better Auth tokens: its key id is the {@code "UserAuthJwks"} row id (the
 * tokens' {@code kid}), its public JWK the row's {@code publicKey}. The private JWK lives in a 0600 file or an
 * environment variable and is never printed; {@link #toString()} names the source only.
 */
public final class BetterAuthKey {
    private final ECKey key;
    private final String source;

    private BetterAuthKey(ECKey key, String source) {
        this.key = key;
        this.source = source;
    }

    /** A new key pair with a key id derived from its public key (UUID-shaped), written to {@code file} (created, mode 0600; must not exist). */
    public static BetterAuthKey generate(Path file) {
        ECKey key;
        try {
            ECKey fresh = new ECKeyGenerator(Curve.P_256).generate();
            // The key id derives from the key (its RFC 7638 thumbprint), UUID-shaped like the server's row ids.
            String kid = UUID.nameUUIDFromBytes(fresh.computeThumbprint().decode()).toString();
            key = new ECKey.Builder(fresh).keyID(kid).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC P-256 key generation unavailable in this JVM", e);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Created with 0600 from the start: the private key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key.toJSONString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(file + " exists already; reuse its key or delete it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the minting key to " + file, e);
        }
        return new BetterAuthKey(key, file.toString());
    }

    /** The private EC P-256 JWK in {@code file} (written by {@link #generate}); it must carry a key id. */
    public static BetterAuthKey read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the minting key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** The private EC P-256 JWK in {@code text}, from {@code source} (e.g. {@code $NAME}); never quoted in messages. */
    public static BetterAuthKey parse(String text, String source) {
        JWK jwk;
        try {
            jwk = JWK.parse(text.strip());
        } catch (ParseException e) {
            throw new IllegalArgumentException(source + " is not a JWK");
        }
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalArgumentException(source + " is not an EC P-256 key; Better Auth's platform signs ES256");
        }
        if (!ec.isPrivate()) {
            throw new IllegalArgumentException(source + " holds a public key; minting needs the private key (\"d\")");
        }
        if (ec.getKeyID() == null || ec.getKeyID().isBlank()) {
            throw new IllegalArgumentException(source + " has no key id (\"kid\"): it names the JWKS row");
        }
        return new BetterAuthKey(ec, source);
    }

    /** The key id: the {@code "UserAuthJwks"} row id and the tokens' {@code kid}. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The public JWK's JSON as Better Auth stores it ({@code kty}, {@code crv}, {@code x}, {@code y}). */
    public String publicJwk() {
        ECKey pub = new ECKey.Builder(key.getCurve(), key.getX(), key.getY()).build();
        return pub.toJSONString();
    }

    ECKey privateKey() {
        return key;
    }

    /** Where the private key came from (a file or an environment variable). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "BetterAuthKey[" + keyId() + " from " + source + "]";
    }
}

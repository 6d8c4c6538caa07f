package io.autogpt.seed.auth.mint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A signer and its algorithm, read from a secret, a JWK or a PEM. Messages name the source (an environment
 * variable or a file), never key material.
 */
final class SigningKey {
    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;
    private final @Nullable String keyId;
    private final String source;

    private SigningKey(JWSSigner signer, JWSAlgorithm algorithm, @Nullable String keyId, String source) {
        this.signer = signer;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.source = source;
    }

    static SigningKey hmac(byte[] secret, String source) {
        try {
            new MACSigner(secret); // checks the length: HS256 needs 256 bits
            return new SigningKey(new PooledHmacSigner(secret), JWSAlgorithm.HS256, null, source);
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("the JWT secret in " + source + " has " + secret.length
                    + " bytes; HS256 needs at least 32");
        }
    }

    /** ES256 with a generated or stored EC P-256 key, its key id as the tokens' {@code kid}. */
    static SigningKey ec(ECKey key, String source) {
        try {
            return new SigningKey(new Es256Signer(key.toECPrivateKey()), JWSAlgorithm.ES256, key.getKeyID(), source);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with the key in " + source + ": "
                    + e.getClass().getSimpleName());
        }
    }

    static SigningKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the signing key file " + file + ": " + e.getClass().getSimpleName());
        }
        String source = file.toString();
        if (text.startsWith("{")) {
            return fromJwk(text, source);
        }
        if (text.startsWith("-----BEGIN PRIVATE KEY-----")) {
            return fromPkcs8(text, source);
        }
        if (text.startsWith("-----BEGIN EC PRIVATE KEY-----") || text.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException(source + " holds a traditional (SEC1/PKCS#1) PEM key; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pk8.pem'");
        }
        throw new IllegalArgumentException(source + " holds neither a JWK nor a PEM private key (BEGIN PRIVATE KEY)");
    }

    private static SigningKey fromJwk(String json, String source) {
        JWK jwk;
        try {
            jwk = json.contains("\"keys\"") ? firstPrivate(JWKSet.parse(json), source) : JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException(source + " is not a valid JWK");
        }
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException(source + " holds a public key; minting needs the private key (\"d\")");
        }
        try {
            if (jwk instanceof ECKey ec) {
                if (!Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException(source + " is an EC key on " + ec.getCurve()
                            + "; Supabase signs ES256, on P-256");
                }
                return new SigningKey(new Es256Signer(ec.toECPrivateKey()), JWSAlgorithm.ES256, jwk.getKeyID(),
                        source);
            }
            if (jwk instanceof RSAKey rsa) {
                return new SigningKey(new RSASSASigner(rsa), JWSAlgorithm.RS256, jwk.getKeyID(), source);
            }
            if (jwk instanceof OctetSequenceKey oct) {
                SigningKey key = hmac(oct.toByteArray(), source);
                return new SigningKey(key.signer, JWSAlgorithm.HS256, jwk.getKeyID(), source);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with the key in " + source + ": "
                    + e.getClass().getSimpleName());
        }
        throw new IllegalArgumentException(source + " holds a " + jwk.getKeyType() + " key; use EC P-256, RSA or oct");
    }

    private static JWK firstPrivate(JWKSet set, String source) {
        return set.getKeys().stream().filter(JWK::isPrivate).findFirst().orElseThrow(() ->
                new IllegalArgumentException(source + " is a JWK set without a private key"));
    }

    private static SigningKey fromPkcs8(String pem, String source) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid PEM (bad base64)");
        }
        PrivateKey key = null;
        for (String type : new String[] {"EC", "RSA"}) {
            try {
                key = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
                break;
            } catch (GeneralSecurityException e) {
                // not this type; try the next
            }
        }
        if (key instanceof ECPrivateKey ec) {
            if (!Es256Signer.onP256(ec)) {
                throw new IllegalArgumentException(source + " is an EC key not on P-256; Supabase signs ES256");
            }
            return new SigningKey(new Es256Signer(ec), JWSAlgorithm.ES256, null, source);
        }
        if (key instanceof RSAPrivateKey rsa) {
            return new SigningKey(new RSASSASigner(rsa), JWSAlgorithm.RS256, null, source);
        }
        throw new IllegalArgumentException(source + " holds a PKCS#8 key that is neither EC nor RSA");
    }

    JWSSigner signer() {
        return signer;
    }

    JWSAlgorithm algorithm() {
        return algorithm;
    }

    @Nullable String keyId() {
        return keyId;
    }

    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm + " from " + source + "]";
    }
}

package io.autogpt.seed.auth.mint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 with one {@link Mac} per thread. nimbus's {@code MACSigner} looks up and keys a new {@code Mac} for every
 * token, which is a fifth of the cost of minting; this keeps nimbus for the JWS structure and reuses the Mac.
 * The secret's length is checked by {@code MACSigner} first ({@link SigningKey#hmac}).
 */
final class PooledHmacSigner implements JWSSigner {
    private final JCAContext jca = new JCAContext();
    private final ThreadLocal<Mac> mac;

    PooledHmacSigner(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
            }
        });
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer makes HS256 only, not " + header.getAlgorithm());
        }
        // doFinal resets the Mac for the next token on this thread.
        return Base64URL.encode(mac.get().doFinal(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.HS256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}

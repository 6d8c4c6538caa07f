package io.autogpt.seed.auth.mint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ES256 with BouncyCastle's P-256 arithmetic, one signer per thread. The JDK's ECDSA (behind nimbus's
 * {@code ECDSASigner}) takes about 0.45 ms a signature here, BouncyCastle's specialised curve with a precomputed
 * base-point table about 0.07 ms; 10 000 Better Auth tokens are mostly signing. The nonce is RFC 6979's
 * (derived from key and message, no random source), so the same claims give the same token bytes, as HS256 does.
 * The signature is JOSE's R||S, 32 bytes each; any ES256 verifier accepts it.
 */
final class Es256Signer implements JWSSigner {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(),
            P256.getN(), P256.getH());
    private static final int HALF = 32;

    private final JCAContext jca = new JCAContext();
    private final ThreadLocal<ECDSASigner> signer;

    /** @param key a private key on P-256 */
    Es256Signer(ECPrivateKey key) {
        if (!onP256(key)) {
            throw new IllegalArgumentException("not a P-256 key; ES256 signs on P-256");
        }
        ECPrivateKeyParameters priv = new ECPrivateKeyParameters(key.getS(), DOMAIN);
        this.signer = ThreadLocal.withInitial(() -> {
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, priv);
            return s;
        });
    }

    /** Whether {@code key} is on P-256 (its group order is P-256's; no other named curve shares it). */
    static boolean onP256(ECPrivateKey key) {
        return DOMAIN.getN().equals(key.getParams().getOrder());
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer makes ES256 only, not " + header.getAlgorithm());
        }
        SHA256Digest sha = new SHA256Digest();
        sha.update(signingInput, 0, signingInput.length);
        byte[] hash = new byte[sha.getDigestSize()];
        sha.doFinal(hash, 0);
        BigInteger[] rs = signer.get().generateSignature(hash);
        byte[] out = new byte[2 * HALF];
        put(rs[0], out, 0);
        put(rs[1], out, HALF);
        return Base64URL.encode(out);
    }

    /** {@code n} big-endian, unsigned, left-padded to 32 bytes at {@code offset}. */
    private static void put(BigInteger n, byte[] out, int offset) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, HALF); // toByteArray may add a leading sign byte
        System.arraycopy(b, b.length - len, out, offset + HALF - len, len);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}

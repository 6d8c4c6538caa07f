package io.autogpt.seed.auth.mint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Es256SignerTest {
    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build();

    @Test
    void theJdksVerifierAcceptsEverySignatureShortValuesIncluded() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Es256Signer signer = new Es256Signer(key.toECPrivateKey());
        ECDSAVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
        // 500 signatures: about 8 have an R or S below 2^248, whose 32 bytes start with zeros.
        for (int i = 0; i < 500; i++) {
            byte[] input = ("header.payload-" + i).getBytes(StandardCharsets.UTF_8);
            Base64URL signature = signer.sign(HEADER, input);
            assertThat(signature.decode()).hasSize(64);
            assertThat(verifier.verify(HEADER, input, signature)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void theSameInputGivesTheSameSignatureAndAnotherInputAnother() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        byte[] input = "header.payload".getBytes(StandardCharsets.UTF_8);
        Base64URL first = new Es256Signer(key.toECPrivateKey()).sign(HEADER, input);

        assertThat(new Es256Signer(key.toECPrivateKey()).sign(HEADER, input)).isEqualTo(first);
        assertThat(new Es256Signer(key.toECPrivateKey()).sign(HEADER, "header.other".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(first);
    }

    @Test
    void refusesAnotherAlgorithm() throws JOSEException {
        Es256Signer signer = new Es256Signer(new ECKeyGenerator(Curve.P_256).generate().toECPrivateKey());
        assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), new byte[1]))
                .isInstanceOf(JOSEException.class).hasMessageContaining("ES256 only");
    }
}

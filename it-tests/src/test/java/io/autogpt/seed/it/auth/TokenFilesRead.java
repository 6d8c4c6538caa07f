package io.autogpt.seed.it.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.autogpt.seed.it.support.StandInGoTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads back what {@code tokens} wrote, and checks tokens the way the platform would: by signature. */
final class TokenFilesRead {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One token of the data file.
     *
     * @param token  the JWT
     * @param user   the email
     * @param userId the id
     * @param round  the round
     */
    record Entry(String token, String user, String userId, int round) {
    }

    private TokenFilesRead() {
    }

    static List<Entry> data(Path module) throws IOException {
        String name = module.getFileName().toString();
        JsonNode root = JSON.readTree(module.resolveSibling(name.substring(0, name.length() - 3) + ".json").toFile());
        List<Entry> out = new ArrayList<>();
        for (JsonNode t : root.path("tokens")) {
            out.add(new Entry(t.path("token").asText(), t.path("user").asText(), t.path("userId").asText(),
                    t.path("round").asInt()));
        }
        return out;
    }

    /** Whether {@code jwt} is signed with {@code secret} and names {@code userId} as its subject. */
    static boolean validFor(String jwt, String userId, String secret) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            return parsed.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))
                    && userId.equals(parsed.getJWTClaimsSet().getSubject());
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            return false;
        }
    }

    static boolean validFromStandIn(Entry e) {
        return validFor(e.token(), e.userId(), StandInGoTrue.JWT_SECRET);
    }
}

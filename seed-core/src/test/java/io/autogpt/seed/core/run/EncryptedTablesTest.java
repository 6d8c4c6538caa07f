package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.bot.BotInstall;
import io.autogpt.seed.core.integration.IntegrationCredential;
import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tables whose values the platform encrypts with its {@code ENCRYPTION_KEY}: written only with the key, and
 * decryptable as the platform decrypts them (Fernet), checked by Node's own crypto, not by our code.
 */
class EncryptedTablesTest {
    /** A Fernet key as {@code Fernet.generate_key()} makes one (URL-safe base64 of 32 bytes); a test's own. */
    private static final String KEY = "u7l0Xq8fR2mKc4sVb1nZ9wYtJ3hG6dE5aP0oQiLkMxA=";
    private static final String WRONG = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final SeedPlan PLAN = SeedPlan.of(5, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(60)).withRules(PlatformRules.SEPTEMBER_2026);
    /**
     * Fernet by the spec, in Node: version byte, HMAC-SHA256 over all but the tag under the key's first half,
     * AES-128-CBC under its second; prints the token's time and the plaintext. Exit 3 on a bad signature.
     */
    private static final String NODE = String.join("\n",
            "const c = require('crypto');",
            "const b64 = s => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');",
            "const key = b64(process.env.FERNET_KEY), tok = b64(process.env.FERNET_TOKEN);",
            "if (tok[0] !== 0x80) process.exit(2);",
            "const body = tok.subarray(0, tok.length - 32), tag = tok.subarray(tok.length - 32);",
            "const mac = c.createHmac('sha256', key.subarray(0, 16)).update(body).digest();",
            "if (!c.timingSafeEqual(mac, tag)) process.exit(3);",
            "const d = c.createDecipheriv('aes-128-cbc', key.subarray(16), tok.subarray(9, 25));",
            "const plain = Buffer.concat([d.update(tok.subarray(25, tok.length - 32)), d.final()]);",
            "process.stdout.write(tok.readBigUInt64BE(1) + '\\n' + plain.toString('utf8'));");

    @Test
    void withoutTheKeyTheEncryptedTablesStayEmpty() {
        Dataset data = new Dataset(PLAN);
        assertThat(data.rows(IntegrationCredential.TABLE)).isEmpty();
        assertThat(data.rows(BotInstall.TABLE)).isEmpty();
    }

    @Test
    void aSeededCredentialDecryptsWithTheKeyAsThePlatformWould() throws Exception {
        Assumptions.assumeTrue(nodeRuns(), "node is not on the PATH");
        Dataset data = new Dataset(PLAN.withEncryptionKey(EncryptionKey.parse(KEY)));
        List<IntegrationCredential> credentials = data.rows(IntegrationCredential.TABLE).toList();
        assertThat(credentials).isNotEmpty();
        for (IntegrationCredential c : credentials.subList(0, Math.min(5, credentials.size()))) {
            String[] out = decrypt(KEY, c.encryptedPayload()).split("\n", 2);
            assertThat(Long.parseLong(out[0])).isEqualTo(c.updatedAt().toEpochSecond(ZoneOffset.UTC));
            // json.dumps' spelling: ", " and ": ", the secret fields of an API key or an OAuth2 token.
            assertThat(out[1]).matches("\\{\"(api_key|access_token)\": \".+\"(, .*)?}");
        }
        assertThat(run(WRONG, credentials.get(0).encryptedPayload()).exitValue()).as("a wrong key fails the MAC")
                .isEqualTo(3);
    }

    @Test
    void aSeededBotInstallHoldsItsBotTokenEncrypted() throws Exception {
        Assumptions.assumeTrue(nodeRuns(), "node is not on the PATH");
        Dataset data = new Dataset(PLAN.withEncryptionKey(EncryptionKey.parse(KEY)));
        List<BotInstall> installs = data.rows(BotInstall.TABLE).toList();
        Assumptions.assumeFalse(installs.isEmpty(), "no Slack workspace among these users");
        String plain = decrypt(KEY, installs.get(0).credentials()).split("\n", 2)[1];
        assertThat(plain).startsWith("{\"bot_token\": \"xoxb-").contains("\"team_id\": \""
                + installs.get(0).platformServerId() + "\"");
    }

    @Test
    void theSameKeyGivesTheSameTokensAndAnotherKeyOthers() {
        Dataset one = new Dataset(PLAN.withEncryptionKey(EncryptionKey.parse(KEY)));
        Dataset again = new Dataset(PLAN.withEncryptionKey(EncryptionKey.parse(KEY)));
        Dataset other = new Dataset(PLAN.withEncryptionKey(EncryptionKey.parse(WRONG)));
        List<String> a = one.rows(IntegrationCredential.TABLE).map(IntegrationCredential::encryptedPayload).toList();
        assertThat(again.rows(IntegrationCredential.TABLE).map(IntegrationCredential::encryptedPayload).toList())
                .isEqualTo(a);
        assertThat(other.rows(IntegrationCredential.TABLE).map(IntegrationCredential::encryptedPayload).toList())
                .doesNotContainAnyElementsOf(a);
    }

    @Test
    void theKeyNeverShowsInThePlan() {
        SeedPlan plan = PLAN.withEncryptionKey(EncryptionKey.parse(KEY));
        assertThat(plan.toString()).doesNotContain(KEY.substring(0, 12)).contains("EncryptionKey[redacted]");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EncryptionKey.parse("not-a-key-" + KEY)))
                .hasMessageNotContaining(KEY.substring(0, 12));
    }

    private static String decrypt(String key, String token) throws IOException, InterruptedException {
        Process p = run(key, token);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("node's Fernet check").isZero();
        return out;
    }

    private static Process run(String key, String token) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", "-e", NODE);
        pb.environment().putAll(Map.of("FERNET_KEY", key, "FERNET_TOKEN", token));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.waitFor();
        return p;
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.autogpt.seed.auth.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.autogpt.seed.core.token.TokenException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server's error body reaches a message only as the fields parsed from it, cut short; anything else is measured. */
class GoTrueAnswersTest {
    private HttpServer server;
    private volatile String body = "";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The pre-flight, refused with 401 and {@code answer} as the body, fails naming the key and {@code detail}. */
    private void assertRefusedWith(String answer, String detail) {
        body = answer;
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (GoTrueClient client = GoTrueClient.open(GoTrueSettings.of(url, "k", "$KEY"))) {
            assertThatThrownBy(client::checkKey).isInstanceOf(TokenException.KeyRejected.class)
                    .hasMessage("Supabase Auth at " + url + " refused the key in $KEY (" + detail + ")");
        }
    }

    @Test
    void aNonJsonBodyIsMeasuredNeverQuoted() {
        String page = "<html><body>upstream says: apikey=sb_secret_123 rejected</body></html>";
        assertRefusedWith(page, "HTTP 401, a non-JSON body of " + page.length() + " bytes");
    }

    @Test
    void aJsonErrorIsQuotedFieldByFieldOnOneLineAndCutShort() {
        String text = "line one\nline two " + "x".repeat(200);
        assertRefusedWith("{\"error_code\":\"bad_jwt\",\"msg\":\"" + text.replace("\n", "\\n")
                + "\",\"hint\":\"internal detail\"}", "HTTP 401 bad_jwt: " + ("line one line two " + "x".repeat(200))
                .substring(0, 120) + "…");
    }

    @Test
    void aJsonBodyWithoutErrorFieldsIsMeasured() {
        assertRefusedWith("{\"detail\":\"internal\"}", "HTTP 401, a JSON body of 21 bytes without an error code or "
                + "message");
        assertRefusedWith("", "HTTP 401");
    }
}

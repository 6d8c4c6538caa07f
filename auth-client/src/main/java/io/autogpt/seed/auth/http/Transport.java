package io.autogpt.seed.auth.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import io.autogpt.seed.auth.exec.Attempt;
import io.autogpt.seed.auth.exec.Outcome;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.auth.policy.RetryAfter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Sends one request and returns what came back, classified as the executor reads it (success, refusal, or a failure
 * worth another try); decides nothing. Built with automatic retries off, so
 * {@link io.autogpt.seed.auth.policy.RetryPolicy} is the only retry layer, and with connect, socket and response
 * timeouts so no request can hang. Thread-safe; owns its connection pool until {@link #close()}.
 */
final class Transport implements Closeable {
    /** One answer: status, the Retry-After header if any, the body, and the cookies it set ({@code name=value; ...}). */
    record Reply(int status, @Nullable String retryAfter, byte[] body, String cookies) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient client;
    private final GoTrueSettings settings;
    /** Whether requests carry the settings' key (Supabase's gateway wants it; Better Auth has none). */
    private final boolean keyed;
    /** What the server is called in messages. */
    private final String serverName;

    Transport(GoTrueSettings settings) {
        this(settings, true, "Supabase Auth");
    }

    /** A transport that sends the key only when {@code keyed}; {@code serverName} names the server in messages. */
    Transport(GoTrueSettings settings, boolean keyed, String serverName) {
        this.settings = settings;
        this.keyed = keyed;
        this.serverName = serverName;
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        int connections = Math.max(2, settings.throttle().maxWindow() + 1);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // Connections that never log the key or a password, whatever the logging configuration.
                        .setConnectionFactory(QuietConnection.factory())
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                // A server that dropped an idle connection is noticed before reuse.
                                .setValidateAfterInactivity(TimeValue.ofMilliseconds(500)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response)
                        .setConnectionRequestTimeout(response).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("autogpt-seed")
                .build();
    }

    /**
     * One request, ready to send once and to cancel from another thread: a hedged login cancels the copies that
     * lost, which closes their connections and frees their threads at once. Sending blocks until the answer and
     * returns it classified for the executor.
     */
    final class Exchange implements Attempt<Reply> {
        private final HttpUriRequestBase request;

        private Exchange(HttpUriRequestBase request) {
            this.request = request;
        }

        /** Sends the request and reads the answer; one cancelled meanwhile fails as a dropped connection. */
        @Override
        public CompletionStage<Outcome<Reply>> send() {
            return CompletableFuture.completedFuture(outcome());
        }

        private Outcome<Reply> outcome() {
            try {
                Reply reply = Transport.this.send(request);
                if (reply.ok()) {
                    return Outcome.succeeded(reply);
                }
                Failure failure = Failure.ofStatus(reply.status());
                if (!failure.retryable()) {
                    return Outcome.refused(reply);
                }
                Duration retryAfter = failure != Failure.RATE_LIMITED ? null
                        : RetryAfter.parse(reply.retryAfter(), settings.clock().instant()).orElse(null);
                return Outcome.failed(reply, failure, Wire.describe(reply.status(), reply.body()), retryAfter);
            } catch (IOException e) {
                return Outcome.failed(null, classify(e), describe(e), null);
            }
        }

        /** Aborts the request, whether it is waiting to be sent, on the wire, or done. */
        @Override
        public void cancel() {
            request.cancel();
        }
    }

    Exchange get(String path) {
        return new Exchange(new HttpGet(settings.base() + path));
    }

    /** {@code GET path} with a {@code Cookie} header (a session). */
    Exchange get(String path, String cookie) {
        HttpGet get = new HttpGet(settings.base() + path);
        get.setHeader("Cookie", cookie);
        return new Exchange(get);
    }

    Exchange post(String path, Object body) throws IOException {
        HttpPost post = new HttpPost(settings.base() + path);
        post.setEntity(new ByteArrayEntity(Wire.JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return new Exchange(post);
    }

    private Reply send(HttpUriRequestBase request) throws IOException {
        if (keyed) {
            request.setHeader("apikey", settings.key());
            request.setHeader("Authorization", "Bearer " + settings.key());
        }
        request.setHeader("Accept", "application/json");
        return client.execute(request, response -> {
            Header retryAfter = response.getFirstHeader("Retry-After");
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            StringBuilder cookies = new StringBuilder();
            for (Header h : response.getHeaders("Set-Cookie")) {
                cookies.append(cookies.length() == 0 ? "" : "; ").append(h.getValue().split(";", 2)[0].strip());
            }
            return new Reply(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), body,
                    cookies.toString());
        });
    }

    /** What a transport failure means for retrying: a timeout, a lost connection, or an address that cannot work. */
    static Failure classify(IOException e) {
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof SSLException) {
            return Failure.UNREACHABLE;
        }
        if (e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && !(e instanceof java.nio.channels.ClosedByInterruptException)) {
            return Failure.TIMEOUT;
        }
        return Failure.CONNECTION;
    }

    /**
     * A transport failure in words a person can act on, without Java class names: what happened and what to check.
     * Never a header.
     */
    String describe(IOException e) {
        String host = settings.url().getHost();
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof UnknownHostException) {
            return "no such host: " + host + "; check " + (keyed ? "the Supabase URL" : "--auth-url");
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection to " + host + " within " + settings.connectTimeout().toMillis() + " ms; is the host "
                    + "up and the port open?";
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + host + (settings.url().getPort() > 0 ? ":" + settings.url().getPort()
                    : "") + "; is " + serverName + " running there?";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed: " + text + "; check http:// or https:// in the URL, and the server's "
                    + "certificate";
        }
        if (e instanceof NoHttpResponseException) {
            return "the server closed the connection without answering";
        }
        if (classify(e) == Failure.TIMEOUT) {
            return "no answer within " + settings.responseTimeout().toMillis() + " ms";
        }
        return "the connection failed" + (text.isEmpty() ? "" : ": " + text.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

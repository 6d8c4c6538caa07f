package io.autogpt.seed.auth.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import io.autogpt.seed.auth.policy.Failure;
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
 * Sends one request and returns what came back; decides nothing. Built with automatic retries off, so
 * {@link io.autogpt.seed.auth.policy.RetryPolicy} is the only retry layer, and with connect, socket and response
 * timeouts so no request can hang. Thread-safe; owns its connection pool until {@link #close()}.
 */
final class Transport implements Closeable {
    /** One answer: status, the Retry-After header if any, and the body. */
    record Reply(int status, @Nullable String retryAfter, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient client;
    private final GoTrueSettings settings;

    Transport(GoTrueSettings settings) {
        this.settings = settings;
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
     * lost, which closes their connections and frees their threads at once.
     */
    final class Exchange {
        private final HttpUriRequestBase request;
        private volatile long sentAt = -1;
        private volatile boolean cancelled;
        private final java.util.concurrent.atomic.AtomicBoolean slotFreed = new java.util.concurrent.atomic.AtomicBoolean();

        private Exchange(HttpUriRequestBase request) {
            this.request = request;
        }

        /** Sends the request and reads the answer; fails with an {@link IOException} if cancelled meanwhile. */
        Reply execute() throws IOException {
            return send(request);
        }

        /** Aborts the request, whether it is waiting to be sent, on the wire, or done. */
        void cancel() {
            cancelled = true;
            request.cancel();
        }

        boolean cancelled() {
            return cancelled;
        }

        /** When the request passed the gate ({@code nanoTime}), or -1 while it waits. */
        long sentAt() {
            return sentAt;
        }

        void sentAt(long nanos) {
            sentAt = nanos;
        }

        /**
         * Whether this call is the first to give up the request's place in the send window: once when it ends, or
         * earlier when a hedge presumes it lost, so that a stalled request cannot hold its place (and starve the
         * copies meant to replace it) until its timeout.
         */
        boolean freeSlot() {
            return slotFreed.compareAndSet(false, true);
        }
    }

    Exchange get(String path) {
        return new Exchange(new HttpGet(settings.base() + path));
    }

    Exchange post(String path, Object body) throws IOException {
        HttpPost post = new HttpPost(settings.base() + path);
        post.setEntity(new ByteArrayEntity(Wire.JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return new Exchange(post);
    }

    private Reply send(HttpUriRequestBase request) throws IOException {
        request.setHeader("apikey", settings.key());
        request.setHeader("Authorization", "Bearer " + settings.key());
        request.setHeader("Accept", "application/json");
        return client.execute(request, response -> {
            Header retryAfter = response.getFirstHeader("Retry-After");
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Reply(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), body);
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
            return "no such host: " + host + "; check the Supabase URL";
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection to " + host + " within " + settings.connectTimeout().toMillis() + " ms; is the host "
                    + "up and the port open?";
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + host + (settings.url().getPort() > 0 ? ":" + settings.url().getPort()
                    : "") + "; is Supabase Auth running there?";
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

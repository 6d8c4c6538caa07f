package io.autogpt.seed.auth.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP connection whose logs cannot carry a secret, whatever an embedder's logging configuration says.
 * HttpClient's own connection logs every request header ({@code apikey} and {@code Authorization} hold the
 * project's key) under {@code org.apache.hc.client5.http.headers}, and the raw bytes, login bodies with passwords
 * included, under {@code org.apache.hc.client5.http.wire}. This one logs headers under the same logger name with
 * those two values masked, and never logs the wire.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
    private static final Logger HEADERS = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final AtomicLong COUNT = new AtomicLong();

    private final String id;
    /** The timeout to restore when the pool hands the connection out again (it idles with none). */
    private volatile Timeout socketTimeout = Timeout.DISABLED;

    private QuietConnection(String id) {
        super(Http1Config.DEFAULT);
        this.id = id;
    }

    /** Makes these connections for a connection pool. */
    static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        return socket -> {
            QuietConnection connection = new QuietConnection("autogpt-seed-" + COUNT.incrementAndGet());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };
    }

    @Override
    public void bind(Socket socket) throws IOException {
        // HttpClient's own connection would wrap the socket in a wire logger when that logger is on.
        bind(new SocketHolder(socket));
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bind(new SocketHolder(sslSocket, socket));
        socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    @Override
    public @Nullable Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public @Nullable SSLSession getSSLSession() {
        return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        socketTimeout = timeout;
        super.setSocketTimeout(timeout);
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
        log(">>", request.getMethod() + " " + request.getRequestUri(), request.getHeaders());
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
        log("<<", response.getCode() + " " + response.getReasonPhrase(), response.getHeaders());
    }

    /** The first line and the headers of a message, as HttpClient logs them, credentials masked. */
    private void log(String direction, String firstLine, Header[] headers) {
        if (HEADERS.isDebugEnabled()) {
            HEADERS.debug("{} {} {}", id, direction, firstLine);
            for (Header header : headers) {
                HEADERS.debug("{} {} {}", id, direction, redacted(header));
            }
        }
    }

    /** {@code Name: value}, the value masked for the headers that carry credentials. */
    static String redacted(Header header) {
        String name = header.getName().toLowerCase(Locale.ROOT);
        boolean secret = name.equals("apikey") || name.equals("authorization") || name.equals("cookie")
                || name.equals("set-cookie");
        return header.getName() + ": " + (secret ? "***" : header.getValue());
    }
}

package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One keep-alive connection, written byte by byte like a client would: after a request that was answered on the
 * event loop while it was still queued behind another one (a rejection needs no database: no credential headers),
 * the connection still reads the next request. Reactor Netty up to 1.3.7 stopped reading such a connection for
 * ever (its pipelining queue drained without re-arming the read): the next request on it never got an answer —
 * the cause of issue 12's unanswered requests, of the fuzz flake and of the throttle tests' timeouts.
 */
// the properties of EveryRequestAnsweredH2Test: Spring reuses that application context instead of starting another
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-mix;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.auth.throttle.max-failures-per-user=1000000",
        "ctk.auth.throttle.max-failures-per-address=1000000"})
class KeepAliveConnectionTest {

    /** Bounds the wait for an answer that never comes; a live connection answers in milliseconds. */
    private static final int NO_ANSWER_AFTER_MILLIS = 15_000;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void requestAfterOneAnsweredWhileQueuedThenStillAnswered() throws Exception {
        TestUsers.ensure(dataSource);
        String wrongPassword = "GET /experiments HTTP/1.1\r\nHost: localhost\r\ndbUsername: " + TestUsers.DB_USER
                + "\r\ndbPassword: " + TestUsers.DB_PASSWORD + "\r\nusername: " + TestUsers.DEMO_USER
                + "\r\npassword: wrong\r\n\r\n";
        String noHeaders = "GET /experiments HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(NO_ANSWER_AFTER_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // the second request waits in the server's queue while the first is checked off the event loop; once
            // dispatched, it is rejected at once, before the queue has handed on the rest of that request
            out.write((wrongPassword + noHeaders).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusOf(in)).isEqualTo(401);
            assertThat(statusOf(in)).isEqualTo(401);

            out.write(noHeaders.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusOf(in)).as("the next request on the same connection is answered").isEqualTo(401);
        }
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status, -1 when none came. */
    private static int statusOf(InputStream in) throws IOException {
        String head;
        try {
            head = readHead(in);
        } catch (SocketTimeoutException e) {
            return -1;
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.split(" ")[1]);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}

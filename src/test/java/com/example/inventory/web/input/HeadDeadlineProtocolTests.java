package com.example.inventory.web.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeadDeadlineProtocol} on a bare Tomcat with a 1 s head deadline and a 5 s connection timeout: a head trickled
 * within the connection timeout is cut off at the deadline; a trickled body and an idle kept-alive connection are not.
 */
class HeadDeadlineProtocolTests {

    @TempDir
    Path baseDir;

    private Tomcat tomcat;
    private int port;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector(HeadDeadlineProtocol.class.getName());
        connector.setPort(0);
        connector.setProperty("connectionTimeout", "5000");
        connector.setProperty("keepAliveTimeout", "5000");
        connector.setProperty("headTimeout", "1000");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "echo", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                byte[] body = request.getInputStream().readAllBytes();
                response.setContentType("text/plain");
                response.getWriter().print("read " + body.length);
            }
        });
        context.addServletMappingDecoded("/*", "echo");
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aTricklingHeadIsClosedAtTheDeadlineWithoutAnAnswer() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            int answer = trickle(socket, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(40));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).as("closed without an answer").isEqualTo(-1);
            assertThat(millis).as("closed at the deadline, not the connection timeout").isBetween(900L, 3_500L);
        }
    }

    @Test
    void aTricklingBodyAndAnIdleKeptAliveConnectionAreLeftAlone() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12\r\n\r\n");
            assertThat(trickle(socket, "abcdefghijkl")).as("no answer before the whole body, 2.4 s").isEqualTo(0);
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200").endsWith("read 12");

            Thread.sleep(2_500);
            write(socket, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readAnswer(socket)).as("kept alive past the deadline").startsWith("HTTP/1.1 200");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(200);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Sends {@code text} a byte every 200 ms; returns -1 once the server closed, 1 if it answered before the last byte,
     * 0 if everything went out with no answer before the last byte (an answer to the last one is left to be read).
     */
    private static int trickle(Socket socket, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            try {
                write(socket, text.substring(i, i + 1));
            } catch (IOException closed) {
                return -1;
            }
            if (i == text.length() - 1) {
                return 0;
            }
            try {
                int read = socket.getInputStream().read();
                return read < 0 ? -1 : 1;
            } catch (SocketTimeoutException stillOpen) {
                // nothing from the server yet
            } catch (IOException reset) {
                return -1;
            }
        }
        return 0;
    }

    /** One answer (a small body, its length given), as text. */
    private static String readAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(3_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        int contentLength = -1;
        int bodyStart = -1;
        while (bodyStart < 0 || answer.length() < bodyStart + contentLength) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            answer.append((char) b);
            if (bodyStart < 0 && answer.toString().endsWith("\r\n\r\n")) {
                bodyStart = answer.length();
                String head = answer.toString().toLowerCase();
                int at = head.indexOf("content-length: ");
                contentLength = at < 0 ? 0 : Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)).trim());
            }
        }
        socket.setSoTimeout(200);
        return answer.toString();
    }
}

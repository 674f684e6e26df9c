package com.example.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for what the JDK {@code HttpClient} refuses to send
 * (malformed query strings, TRACE, a body larger than its {@code Content-Length} promise is read).
 */
public final class RawHttp {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 30_000;
    /** The header line every request but a verbatim one carries: the tests' token with every scope. */
    public static final String AUTHORIZATION = "Authorization: Bearer " + TestIssuer.allScopes();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code method target} with the given extra header lines and body, then reads the whole answer. */
    public Response send(String method, String target, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = head(method, target, headers);
        if (!body.isEmpty()) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        }
        return exchange(head.append("\r\n").toString(), out -> out.write(bytes));
    }

    /**
     * Sends {@code method target} with exactly the given header lines (and a {@code Content-Length} when there is a
     * body), then the body's bytes as they are: for bodies and headers that no well-behaved client would send.
     */
    public Response sendBytes(String method, String target, byte[] body, String... headers) {
        StringBuilder head = head(method, target, headers);
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return exchange(head.append("\r\n").toString(), out -> out.write(body));
    }

    /** Sends {@code request} (request line, headers and all) as it is, then reads the whole answer. */
    public Response sendVerbatim(String request) {
        return exchange(request, out -> { });
    }

    /**
     * Sends a JSON body of {@code size} bytes ({@code prefix}, then padding inside an unknown property), with a
     * {@code Content-Length} or chunked. The body is written while the answer is read; once the service has
     * answered it may stop reading and close, so a failed write is expected and ignored.
     */
    public Response sendLarge(String method, String target, String prefix, long size, boolean chunked) {
        StringBuilder head = head(method, target).append("Content-Type: application/json\r\n")
                .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n").append("\r\n");
        return exchange(head.toString(), out -> {
            byte[] start = (prefix + ",\"padding\":\"").getBytes(StandardCharsets.UTF_8);
            byte[] filler = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            long remaining = size - start.length - 2;
            writePart(out, start, start.length, chunked);
            while (remaining > 0) {
                int n = (int) Math.min(filler.length, remaining);
                writePart(out, filler, n, chunked);
                remaining -= n;
            }
            writePart(out, "\"}".getBytes(StandardCharsets.US_ASCII), 2, chunked);
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private static void writePart(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private StringBuilder head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
                .append(AUTHORIZATION).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Response exchange(String head, Body body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException answeredAndClosed) {
                    // The service answered before the whole body was sent, and closed the connection.
                }
            });
            Response response = Response.parse(socket.getInputStream().readAllBytes());
            writer.join(TIMEOUT_MILLIS);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] raw) throws IOException {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IOException("No complete HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            if (status == 100) {
                return parse(text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            InputStream in = new java.io.ByteArrayInputStream(chunked);
            try {
                while (true) {
                    StringBuilder size = new StringBuilder();
                    for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                        if (c != '\r') {
                            size.append((char) c);
                        }
                    }
                    int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                    if (length == 0) {
                        return body.toByteArray();
                    }
                    body.write(in.readNBytes(length));
                    in.skip(2);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public JsonNode json() {
            return json.readTree(body);
        }

        /** The problem type's name, e.g. {@code validation}. */
        public String problemType() {
            String type = json().get("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}

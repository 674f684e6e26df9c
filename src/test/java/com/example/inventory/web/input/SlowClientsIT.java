package com.example.inventory.web.input;

import com.example.inventory.HttpApi;
import com.example.inventory.ServiceInstance;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatWebServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients cannot take the service offline: 2,500 connections, each trickling a request head one byte every 2
 * seconds (within the 10 s connection timeout, so only the head deadline can end them), against the service as it is
 * configured. The main connector fills (2,000 connections, the rest queue); the probes are answered on the probe
 * connector meanwhile; the head deadline frees the main port, where a normal client is answered while the late
 * tricklers still trickle; and every trickling connection is closed without an answer.
 */
class SlowClientsIT {

    private static final int TRICKLERS = 2_500;
    private static final byte[] HEAD = ("GET /api/v1/products HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
            + "a".repeat(4000)).getBytes(StandardCharsets.US_ASCII);
    private static final long TRICKLE_MILLIS = 2_000;

    @Test
    void tricklingClientsNeitherSilenceTheProbesNorHoldTheServicePort() throws Exception {
        try (ServiceInstance service = ServiceInstance.start("inventory.http.probes.port=0");
             Tricklers tricklers = new Tricklers(service.port())) {
            Connector main = ((TomcatWebServer) service.webServer()).getTomcat().getConnector();
            int maxConnections = Integer.parseInt(String.valueOf(main.getProperty("maxConnections")));
            assertThat(maxConnections).isEqualTo(2_000);
            int probePort = service.bean(TomcatConfiguration.ProbeConnector.class).connector().getLocalPort();

            tricklers.trickleUntil(() -> connections(main) == maxConnections, Duration.ofSeconds(60));
            assertThat(connections(main)).as("the main connector is full").isEqualTo(maxConnections);

            HttpApi probes = new HttpApi(probePort);
            for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpApi.Response answer = probes.get(probe);
                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.json().get("status").asString()).as(probe).isEqualTo("UP");
            }
            HttpApi.Response api = probes.get("/api/v1/products");
            assertThat(api.status()).as("the probe port serves the probes only").isEqualTo(404);
            assertThat(api.problemType()).isEqualTo("not-found");
            assertThat(connections(main)).as("still full while the probes are answered").isEqualTo(maxConnections);

            tricklers.trickleUntil(() -> connections(main) < maxConnections, Duration.ofSeconds(60));
            assertThat(connections(main)).as("the head deadline frees the port").isLessThan(maxConnections);
            HttpClient patient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(90)).build();
            CompletableFuture<HttpResponse<String>> normal = patient.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());

            tricklers.trickleUntil(normal::isDone, Duration.ofSeconds(120));
            assertThat(normal).isCompleted();
            assertThat(normal.get().statusCode()).isEqualTo(200);
            assertThat(normal.get().body()).contains("\"status\":\"UP\"");

            tricklers.trickleUntil(tricklers::allClosedByServer, Duration.ofSeconds(120));
            assertThat(tricklers.closedByServer()).as("every trickling connection ended by the server")
                    .isEqualTo(TRICKLERS);
            assertThat(tricklers.answered()).as("none of them was answered").isZero();
            assertThat(new HttpApi(service.port()).get("/api/v1/products").status()).isEqualTo(200);
        }
    }

    private static long connections(Connector connector) {
        return ((AbstractProtocol<?>) connector.getProtocolHandler()).getConnectionCount();
    }

    /** Many non-blocking connections on one thread, each sending one byte of {@link #HEAD} every 2 seconds. */
    private static final class Tricklers implements AutoCloseable {

        private final Selector selector = Selector.open();
        private final List<Trickler> all = new ArrayList<>();
        private long nextTrickle;

        Tricklers(int port) throws IOException {
            for (int i = 0; i < TRICKLERS; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                Trickler trickler = new Trickler(channel);
                all.add(trickler);
                if (channel.connect(new InetSocketAddress("127.0.0.1", port))) {
                    trickler.connected = true;
                    channel.register(selector, SelectionKey.OP_READ, trickler);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, trickler);
                }
            }
        }

        /** Keeps trickling and watching for closes until {@code done} or the deadline. */
        void trickleUntil(BooleanSupplier done, Duration deadline) throws IOException {
            long end = System.nanoTime() + deadline.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Trickler trickler = (Trickler) key.attachment();
                    if (key.isValid() && key.isConnectable()) {
                        trickler.finishConnect(key);
                    } else if (key.isValid() && key.isReadable()) {
                        trickler.read(key);
                    }
                }
                selector.selectedKeys().clear();
                long now = System.currentTimeMillis();
                if (now >= nextTrickle) {
                    nextTrickle = now + TRICKLE_MILLIS;
                    for (Trickler trickler : all) {
                        trickler.sendOneByte();
                    }
                }
            }
        }

        boolean allClosedByServer() {
            return closedByServer() == TRICKLERS;
        }

        long closedByServer() {
            return all.stream().filter(trickler -> trickler.closedByServer).count();
        }

        long answered() {
            return all.stream().filter(trickler -> trickler.bytesAnswered > 0).count();
        }

        @Override
        public void close() throws IOException {
            for (Trickler trickler : all) {
                trickler.channel.close();
            }
            selector.close();
        }
    }

    private static final class Trickler {

        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(1024);
        boolean connected;
        boolean closedByServer;
        int sent;
        long bytesAnswered;

        Trickler(SocketChannel channel) {
            this.channel = channel;
        }

        void finishConnect(SelectionKey key) {
            try {
                if (channel.finishConnect()) {
                    connected = true;
                    key.interestOps(SelectionKey.OP_READ);
                    sendOneByte();
                }
            } catch (IOException refused) {
                throw new AssertionError("a connection was refused, not queued", refused);
            }
        }

        void sendOneByte() {
            if (!connected || closedByServer || sent == HEAD.length) {
                return;
            }
            try {
                sent += channel.write(ByteBuffer.wrap(HEAD, sent, 1));
            } catch (IOException closed) {
                closedByServer = true;
            }
        }

        void read(SelectionKey key) {
            try {
                int read = channel.read(in.clear());
                if (read > 0) {
                    bytesAnswered += read;
                    return;
                }
                closedByServer = read < 0 || closedByServer;
            } catch (IOException reset) {
                closedByServer = true;
            }
            if (closedByServer) {
                key.cancel();
            }
        }
    }
}

package com.example.inventory.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the service and PostgreSQL that breaks connections on cue, the way a network or a failing
 * server does: it can lose the answer to the next {@code COMMIT} of a transaction that sent a given text (the server
 * commits; the service never hears of it — the ambiguous commit), drop that {@code COMMIT} before the server sees it
 * (nothing commits), or cut every connection at once.
 */
final class FaultyProxy implements AutoCloseable {

    /** What to do to the next COMMIT of the transaction under test. */
    enum CommitFault {
        NONE,
        /** Forward the COMMIT, then cut the connection before its answer comes back. */
        LOSE_REPLY,
        /** Cut the connection instead of forwarding the COMMIT: the server rolls the transaction back. */
        DROP
    }

    private final ServerSocket listener;
    private final String serverHost;
    private final int serverPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private volatile int faultsApplied;
    private volatile int roundTripsOfFaultedTransaction;
    private volatile String faultedTransaction = "";

    FaultyProxy(String serverHost, int serverPort) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofPlatform().daemon().name("faulty-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * The fault to apply to the next COMMIT of a transaction that sent {@code marker} (a SKU or an order id the
     * request under test carries), on whichever connection sends it first. Other commits pass: the service commits
     * on its own too (event resubmission rounds, publications marked completed when the broker confirms them), and a
     * fault that struck one of those instead would leave the request under test unharmed.
     */
    void onNextCommit(CommitFault fault, String marker) {
        armed.set(new Armed(fault, marker));
    }

    private record Armed(CommitFault fault, String marker) {
    }

    /** How many COMMIT faults were applied so far. */
    int faultsApplied() {
        return faultsApplied;
    }

    /**
     * How many round trips the transaction that the last fault struck took, from its BEGIN to its COMMIT, both
     * included (pgjdbc sends BEGIN with a transaction's first statement: a transaction of one statement takes two).
     */
    int roundTripsOfFaultedTransaction() {
        return roundTripsOfFaultedTransaction;
    }

    /** The messages of the transaction that the last fault struck, from its BEGIN to its COMMIT, Syncs marked. */
    String faultedTransaction() {
        return faultedTransaction;
    }

    /** Closes every open connection, on both sides, at once. */
    void cutAll() {
        open.forEach(FaultyProxy::closeQuietly);
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                open.add(client);
                open.add(server);
                Thread.ofPlatform().daemon().start(() -> towardsServer(link));
                Thread.ofPlatform().daemon().start(() -> towardsClient(link));
            } catch (IOException e) {
                // the listener was closed, or the server refused: the service sees a failed connection
            }
        }
    }

    /** One proxied connection; once muted, the server's answers no longer reach the client. */
    private static final class Link {
        final Socket client;
        final Socket server;
        final CommitSpotter commits = new CommitSpotter();
        volatile boolean muted;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }
    }

    /** Copies the client's bytes to the server, watching for COMMIT to apply the armed fault to. */
    private void towardsServer(Link link) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = link.client.getInputStream(); OutputStream out = link.server.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (link.commits.commitIn(buffer, read)) {
                    Armed next = armed.get();
                    CommitFault fault = next != null && link.commits.transactionToCommitSent(next.marker())
                            && armed.compareAndSet(next, null) ? next.fault() : CommitFault.NONE;
                    if (fault != CommitFault.NONE) {
                        roundTripsOfFaultedTransaction = link.commits.roundTripsToCommit();
                        faultedTransaction = link.commits.transactionToCommit();
                    }
                    if (fault == CommitFault.DROP) {
                        faultsApplied++;
                        break;
                    }
                    if (fault == CommitFault.LOSE_REPLY) {
                        faultsApplied++;
                        link.muted = true;
                        // The server gets the whole COMMIT and commits; the client hears nothing, then loses the
                        // connection, as when a network fails between the commit and its answer.
                        Thread.ofPlatform().daemon().start(() -> {
                            sleep(300);
                            close(link);
                        });
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: so does the other
        } finally {
            close(link);
        }
    }

    /** Copies the server's bytes to the client, unless the link is muted. */
    private void towardsClient(Link link) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = link.server.getInputStream(); OutputStream out = link.client.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (!link.muted) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: so does the other
        } finally {
            close(link);
        }
    }

    private void close(Link link) {
        closeQuietly(link.client);
        closeQuietly(link.server);
        open.remove(link.client);
        open.remove(link.server);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}

package com.example.inventory.web.input;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a deadline for a request's head: a connection that began a request (its first
 * byte arrived) but has not finished the request line and headers within {@code headTimeout} milliseconds is closed,
 * however steadily it trickles. Tomcat's own {@code connectionTimeout} is a pause between two reads, which every byte
 * restarts; this bounds the whole head.
 *
 * <p>Once a second, it looks at every open connection whose processor is parked on it waiting for more of a head
 * (see {@link #isHeadOverdue}); one whose head began more than the deadline ago is handed to Tomcat as a socket
 * error, the path a read timeout takes, so Tomcat closes it on its own threads. A request being served, or a
 * connection idle between requests (held by the keep-alive timeout), is never touched. Blank lines before a request
 * line ({@code CRLF}) are not a head to Tomcat (it releases the processor after each), so a client sending only those
 * is held by the connection timeout alone: a proxy's total header timeout covers it.
 *
 * <p>Public with a public constructor because Tomcat creates a connector's protocol from its class name.
 */
public class HeadDeadlineProtocol extends Http11NioProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(HeadDeadlineProtocol.class);
    private static final long SWEEP_MILLIS = 1000;

    private volatile long headTimeout = 10_000;
    private volatile @Nullable ScheduledFuture<?> sweeper;

    public HeadDeadlineProtocol() {
    }

    /** Milliseconds from a request's first byte to the end of its headers; 0 or less: no deadline. */
    public long getHeadTimeout() {
        return headTimeout;
    }

    public void setHeadTimeout(long headTimeout) {
        this.headTimeout = headTimeout;
    }

    @Override
    public void start() throws Exception {
        super.start();
        sweeper = getUtilityExecutor().scheduleWithFixedDelay(this::closeOverdueHeads, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.debug("Request head deadline on {}: {} ms, checked every {} ms", getName(), headTimeout, SWEEP_MILLIS);
    }

    @Override
    public void stop() throws Exception {
        ScheduledFuture<?> running = sweeper;
        if (running != null) {
            running.cancel(false);
        }
        super.stop();
    }

    /** Closes every connection whose request head is overdue; returns how many it closed. */
    int closeOverdueHeads() {
        long timeout = headTimeout;
        if (timeout <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        int closed = 0;
        try {
            AbstractEndpoint<NioChannel, ?> endpoint = getEndpoint();
            for (SocketWrapperBase<NioChannel> connection : endpoint.getConnections()) {
                if (isHeadOverdue(connection, now, TimeUnit.MILLISECONDS.toNanos(timeout))) {
                    if (!endpoint.processSocket(connection, SocketEvent.ERROR, true)) {
                        connection.close();
                    }
                    closed++;
                }
            }
            if (closed > 0) {
                LOG.debug("Closed {} connection(s) on {} whose request head took over {} ms", closed, getName(),
                        timeout);
            }
        } catch (RuntimeException e) {
            // The sweeper must survive anything one connection does; the next sweep tries again.
            LOG.debug("Request head sweep failed", e);
        }
        return closed;
    }

    /**
     * Whether {@code connection} is parked on a request head begun more than {@code timeoutNanos} ago. Between two
     * reads of a head, Tomcat leaves the connection's processor attached to it ({@code SocketState.LONG}); it detaches
     * it while a thread runs the processor, and releases it between two requests. So an attached processor that is
     * neither async, nor upgraded, nor sending a file, is waiting for the rest of a head, and its request's start time
     * is when the head's first byte arrived. (Its {@code RequestInfo} stage says nothing here: Tomcat sets it to
     * {@code STAGE_ENDED} whenever {@code service} returns, head complete or not.)
     */
    private static boolean isHeadOverdue(SocketWrapperBase<?> connection, long now, long timeoutNanos) {
        if (connection.isClosed() || !(connection.getCurrentProcessor() instanceof AbstractProcessor processor)
                || processor.isAsync() || processor.isUpgrade()
                || (connection instanceof NioEndpoint.NioSocketWrapper nio && nio.getSendfileData() != null)) {
            return false;
        }
        long started = processor.getRequest().getStartTimeNanos();
        return started != -1 && now - started > timeoutNanos;
    }
}

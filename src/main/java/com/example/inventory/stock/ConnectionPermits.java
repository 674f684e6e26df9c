package com.example.inventory.stock;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.stereotype.Component;

/**
 * A fair queue in front of the connection pool for orders placed one transaction each: at most as many of them
 * run as the pool has connections; the rest wait here, parked, in arrival order. Without it, dozens of virtual
 * threads wait inside the pool for a connection that row-lock waits hold long, and the pool's hand-off spins
 * ({@code Thread.yield()}) for every one of them: CPU burnt by requests that are only waiting.
 */
@Component
class ConnectionPermits {

    private final Semaphore permits;

    ConnectionPermits(DataSource dataSource) {
        int size = dataSource instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : Integer.MAX_VALUE / 2;
        this.permits = new Semaphore(size, true);
    }

    /** Runs {@code work} once a permit is free; waits without a bound (the pool's own timeout still applies). */
    <T> T withPermit(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}

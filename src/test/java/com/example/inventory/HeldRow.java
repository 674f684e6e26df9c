package com.example.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/** A row locked by a transaction of the test's own, as a slow concurrent writer would hold it. */
public final class HeldRow implements AutoCloseable {

    private final Connection connection;

    private HeldRow(Connection connection) {
        this.connection = connection;
    }

    /** Locks the product with this SKU. */
    public static HeldRow lock(DataSource dataSource, String sku) throws SQLException {
        return lock(dataSource, "SELECT 1 FROM location_stock WHERE sku = ? FOR UPDATE", sku);
    }

    /** Locks the rows that {@code lockingQuery} ({@code SELECT … FOR UPDATE} with one parameter) selects. */
    public static HeldRow lock(DataSource dataSource, String lockingQuery, Object parameter) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(lockingQuery)) {
                lock.setObject(1, parameter);
                lock.executeQuery().close();
            }
            return new HeldRow(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Ends the holding transaction, which lets the waiting writers in. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}

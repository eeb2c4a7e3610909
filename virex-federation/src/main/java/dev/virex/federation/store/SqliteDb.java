package dev.virex.federation.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's SQLite database (xerial sqlite-jdbc): schema by Flyway migrations
 * ({@code db/migration/V*__*.sql}), one connection, write-ahead log with {@code synchronous=FULL}
 * so that every commit is on disk before it returns. Calls are serialised on this object.
 */
final class SqliteDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteDb.class);

    /** Runs with the connection; SQL failures become {@link StoreException}. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final Path file;

    private SqliteDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static SqliteDb open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            var result = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database {} migrated to schema version {}", file, result.targetSchemaVersion);
            }
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return new SqliteDb(file, c);
        } catch (Exception e) {
            throw new StoreException("cannot open the member database " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized <T> T with(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("member database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction. */
    synchronized <T> T tx(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T out = work.run(connection);
                connection.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("member database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing {}: {}", file, e.getMessage());
        }
    }
}

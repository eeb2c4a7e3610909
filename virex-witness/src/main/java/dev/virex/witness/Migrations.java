package dev.virex.witness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded schema migration: step i (1-based) runs once, in one transaction with the bump of
 * SQLite's {@code user_version} to i, so a crash leaves the schema at a whole step. A database
 * newer than this code (a higher version) is refused rather than misread.
 */
final class Migrations {
    private Migrations() {}

    static void apply(Connection c, List<String> steps) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        if (version > steps.size()) {
            throw new SQLException("the database has schema version " + version + ", newer than this software ("
                    + steps.size() + "); refusing to use it");
        }
        for (int i = version; i < steps.size(); i++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(steps.get(i));
                s.executeUpdate("PRAGMA user_version = " + (i + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}

package dev.virex.witness;

import dev.virex.core.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The witness's durable state in SQLite: per log origin, the latest checkpoint it cosigned (size,
 * root hash, and the note served to monitors). Updates are compare-and-set on the previous size
 * and root, each one committed (WAL, {@code synchronous=FULL}) before it returns, so two requests
 * racing from one old size cannot both win, across threads and across restarts (C2SP tlog-witness:
 * "checking the old size ... and persisting the new checkpoint must be performed atomically").
 * One connection, used under a lock (not a monitor, so virtual threads do not pin).
 */
public final class WitnessStore implements AutoCloseable {
    /** What the witness last cosigned for one origin. */
    public record Witnessed(String origin, long size, Bytes root, Bytes checkpoint) {
        public Witnessed {
            if (size < 0 || root.length() != 32 || checkpoint.length() == 0) {
                throw new IllegalArgumentException("a witnessed checkpoint has a size, a 32-byte root and a note");
            }
        }
    }

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE witnessed (origin TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL CHECK (size >= 0),"
                    + " root BLOB NOT NULL CHECK (length(root) = 32), checkpoint BLOB NOT NULL, updated INTEGER NOT NULL)");

    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();

    private WitnessStore(Connection db) {
        this.db = db;
    }

    /** Opens (or creates) the store in {@code file}, applying the schema migration. */
    public static WitnessStore open(Path file) throws IOException {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA busy_timeout = 5000");
                Migrations.apply(c, SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new WitnessStore(c);
        } catch (SQLException e) {
            throw new IOException("cannot open the witness database " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Witnessed> latest(String origin) throws IOException {
        lock.lock();
        try (PreparedStatement q = db.prepareStatement("SELECT size, root, checkpoint FROM witnessed WHERE origin = ?")) {
            q.setString(1, origin);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Witnessed(origin, r.getLong(1), Bytes.wrap(r.getBytes(2)), Bytes.wrap(r.getBytes(3))));
            }
        } catch (SQLException e) {
            throw new IOException("witness database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces {@code previous} (empty: nothing cosigned yet for the origin) by {@code next}, only if
     * the stored state is still exactly {@code previous}. Durable when it returns true.
     */
    public boolean advance(Optional<Witnessed> previous, Witnessed next, long now) throws IOException {
        lock.lock();
        try {
            if (previous.isEmpty()) {
                try (PreparedStatement u = db.prepareStatement("INSERT INTO witnessed (origin, size, root, checkpoint, updated)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin) DO NOTHING")) {
                    u.setString(1, next.origin());
                    u.setLong(2, next.size());
                    u.setBytes(3, next.root().toArray());
                    u.setBytes(4, next.checkpoint().toArray());
                    u.setLong(5, now);
                    return u.executeUpdate() == 1;
                }
            }
            Witnessed p = previous.get();
            try (PreparedStatement u = db.prepareStatement("UPDATE witnessed SET size = ?, root = ?, checkpoint = ?, updated = ?"
                    + " WHERE origin = ? AND size = ? AND root = ?")) {
                u.setLong(1, next.size());
                u.setBytes(2, next.root().toArray());
                u.setBytes(3, next.checkpoint().toArray());
                u.setLong(4, now);
                u.setString(5, p.origin());
                u.setLong(6, p.size());
                u.setBytes(7, p.root().toArray());
                return u.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IOException("witness database write failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

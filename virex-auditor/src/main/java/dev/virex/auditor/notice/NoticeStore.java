package dev.virex.auditor.notice;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The auditor's published notices, in SQLite: each signed with the next serial and committed
 * (WAL, {@code synchronous=FULL}) before it is served. A subject already published (same text,
 * e.g. found again after a restart, which re-audits from genesis) is not published twice. The
 * schema is created by an embedded migration ({@code user_version}).
 */
public final class NoticeStore implements AutoCloseable {
    /** A published notice. */
    public record Stored(long serial, Instant time, String kind, Bytes note) {}

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE notices (serial INTEGER PRIMARY KEY, digest BLOB NOT NULL UNIQUE, time INTEGER NOT NULL,"
                    + " kind TEXT NOT NULL, note BLOB NOT NULL)");

    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();

    private NoticeStore(Connection db) {
        this.db = db;
    }

    /** Opens (or creates) the store in {@code file}; {@code null} keeps it in memory (one-shot audits, tests). */
    public static NoticeStore open(Path file) throws IOException {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + (file == null ? ":memory:" : file.toAbsolutePath()));
            try (Statement s = c.createStatement()) {
                if (file != null) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = FULL");
                }
                migrate(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new NoticeStore(c);
        } catch (SQLException e) {
            throw new IOException("cannot open the notice database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.next() ? r.getInt(1) : 0;
        }
        if (version > SCHEMA.size()) {
            throw new SQLException("schema version " + version + " is newer than this software");
        }
        for (int i = version; i < SCHEMA.size(); i++) {
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate(SCHEMA.get(i));
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

    /** Signs and stores a notice about {@code subject} unless the same subject was published; its serial. */
    public Optional<Long> publish(Subject subject, NoteSigner auditor, Instant now) throws IOException {
        StringBuilder body = new StringBuilder(subject.kind()).append('\n');
        subject.write(body);
        byte[] digest = sha256(body.toString());
        lock.lock();
        try {
            try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM notices WHERE digest = ?")) {
                q.setBytes(1, digest);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        return Optional.empty();
                    }
                }
            }
            long serial;
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(serial), 0) FROM notices")) {
                serial = r.getLong(1) + 1;
            }
            Instant time = Instant.ofEpochSecond(now.getEpochSecond());
            byte[] note = new Notice(auditor.name(), serial, time, subject).sign(auditor);
            try (PreparedStatement u = db.prepareStatement("INSERT INTO notices (serial, digest, time, kind, note) VALUES (?, ?, ?, ?, ?)")) {
                u.setLong(1, serial);
                u.setBytes(2, digest);
                u.setLong(3, time.getEpochSecond());
                u.setString(4, subject.kind());
                u.setBytes(5, note);
                u.executeUpdate();
            }
            return Optional.of(serial);
        } catch (SQLException e) {
            throw new IOException("notice database write failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code limit} notices with serials below {@code before}, newest first. */
    public List<Stored> newest(long before, int limit) throws IOException {
        return query("SELECT serial, time, kind, note FROM notices WHERE serial < ? ORDER BY serial DESC LIMIT ?", before, limit);
    }

    public Optional<Stored> get(long serial) throws IOException {
        return query("SELECT serial, time, kind, note FROM notices WHERE serial = ? AND ? > 0", serial, 1).stream().findFirst();
    }

    private List<Stored> query(String sql, long a, long b) throws IOException {
        lock.lock();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, a);
            q.setLong(2, b);
            List<Stored> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Stored(r.getLong(1), Instant.ofEpochSecond(r.getLong(2)), r.getString(3), Bytes.wrap(r.getBytes(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IOException("notice database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

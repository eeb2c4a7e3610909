package dev.virex.federation.store;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.NonceStore;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningNonces;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * A persistent {@link NonceStore} (docs/spec/frost.md, "Nonce store"): every session a member
 * commits to is recorded in the database, and marked used, durably, before its nonces are handed
 * out. The nonces themselves stay in memory (at most {@link #MAX_PENDING}) and never touch disk, so
 * a restart loses unused nonces (that session cannot complete, which is safe) but can never make
 * the member sign twice with one nonce: a session seen before is refused.
 */
final class SqliteNonceStore implements NonceStore {
    static final int MAX_PENDING = 1024;

    private record Key(Bytes group, SessionId session) {}

    private final SqliteDb db;
    private final LinkedHashMap<Key, SigningNonces> pending = new LinkedHashMap<>();

    SqliteNonceStore(SqliteDb db) {
        this.db = db;
    }

    @Override
    public synchronized void put(Bytes groupId, SessionId session, SigningNonces nonces) throws FrostException {
        boolean fresh = db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO frost_session (group_id, session_id, used) VALUES (?, ?, 0)")) {
                s.setString(1, groupId.toHex());
                s.setString(2, session.value().toHex());
                return s.executeUpdate() == 1;
            }
        });
        if (!fresh) {
            throw new FrostException(FrostException.Kind.NONCE_REUSED, "this member already committed to session " + session);
        }
        pending.put(new Key(groupId, session), nonces);
        while (pending.size() > MAX_PENDING) {
            var oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    @Override
    public synchronized Optional<SigningNonces> take(Bytes groupId, SessionId session) {
        SigningNonces n = pending.remove(new Key(groupId, session));
        if (n == null) {
            return Optional.empty();
        }
        int updated = db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE frost_session SET used = 1 WHERE group_id = ? AND session_id = ? AND used = 0")) {
                s.setString(1, groupId.toHex());
                s.setString(2, session.value().toHex());
                return s.executeUpdate();
            }
        });
        return updated == 1 ? Optional.of(n) : Optional.empty();
    }

    /** Whether the database has the session marked used (for tests and status). */
    boolean used(Bytes groupId, SessionId session) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT used FROM frost_session WHERE group_id = ? AND session_id = ?")) {
                s.setString(1, groupId.toHex());
                s.setString(2, session.value().toHex());
                var rs = s.executeQuery();
                return rs.next() && rs.getInt(1) == 1;
            } catch (SQLException e) {
                throw e;
            }
        });
    }
}

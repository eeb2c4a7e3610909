package dev.virex.federation.store;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.NonceStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link MemberStore} in SQLite (schema: {@code db/migration}). */
public final class SqliteMemberStore implements MemberStore {
    private static final String PROPOSAL_COLUMNS = "id, kind, body, received_at, deadline, origin, closed, log_index, outcome";

    private final SqliteDb db;
    private final SqliteNonceStore nonces;

    private SqliteMemberStore(SqliteDb db) {
        this.db = db;
        this.nonces = new SqliteNonceStore(db);
    }

    /** Opens (creating and migrating as needed) the database file. */
    public static SqliteMemberStore open(Path file) {
        return new SqliteMemberStore(SqliteDb.open(file));
    }

    @Override
    public Records.Added addProposal(Records.Proposal p, Optional<String> joinNonce) {
        return db.tx(c -> {
            if (proposal(p.id()).isPresent()) {
                return Records.Added.EXISTS;
            }
            if (joinNonce.isPresent()) {
                try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO join_nonce (nonce, request_id) VALUES (?, ?)")) {
                    s.setString(1, joinNonce.get());
                    s.setString(2, p.id());
                    if (s.executeUpdate() == 0) {
                        return Records.Added.CONFLICT;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO proposal (" + PROPOSAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 0, NULL, '')")) {
                s.setString(1, p.id());
                s.setString(2, p.kind().wire());
                s.setBytes(3, p.body().toArray());
                s.setLong(4, p.receivedAt().toEpochMilli());
                s.setLong(5, p.deadline().toEpochMilli());
                s.setString(6, p.origin());
                s.executeUpdate();
            }
            return Records.Added.NEW;
        });
    }

    @Override
    public Optional<Records.Proposal> proposal(String id) {
        List<Records.Proposal> l = proposals("SELECT " + PROPOSAL_COLUMNS + " FROM proposal WHERE id = ?", id);
        return l.stream().findFirst();
    }

    @Override
    public List<Records.Proposal> openProposals() {
        return proposals("SELECT " + PROPOSAL_COLUMNS + " FROM proposal WHERE closed = 0 ORDER BY received_at, id");
    }

    private List<Records.Proposal> proposals(String sql, String... args) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setString(i + 1, args[i]);
                }
                ResultSet rs = s.executeQuery();
                List<Records.Proposal> out = new ArrayList<>();
                while (rs.next()) {
                    long idx = rs.getLong(8);
                    OptionalLong index = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(idx);
                    out.add(new Records.Proposal(rs.getString(1), ProposalKind.of(rs.getString(2)), Bytes.wrap(rs.getBytes(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                            rs.getInt(7) == 1, index, rs.getString(9)));
                }
                return out;
            }
        });
    }

    @Override
    public void close(String id, OptionalLong logIndex, String outcome) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE proposal SET closed = 1, log_index = ?, outcome = ? WHERE id = ?")) {
                if (logIndex.isPresent()) {
                    s.setLong(1, logIndex.getAsLong());
                } else {
                    s.setNull(1, java.sql.Types.INTEGER);
                }
                s.setString(2, outcome);
                s.setString(3, id);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Records.Added addVote(Records.Vote v) {
        return db.tx(c -> {
            for (Records.Vote old : votes(v.proposalId())) {
                if (old.member().equals(v.member())) {
                    return old.yes() == v.yes() && old.reasons().equals(v.reasons()) ? Records.Added.EXISTS : Records.Added.CONFLICT;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO vote (proposal_id, member, yes, reasons, at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, v.proposalId());
                s.setString(2, v.member());
                s.setInt(3, v.yes() ? 1 : 0);
                s.setString(4, String.join("\n", v.reasons()));
                s.setLong(5, v.at().toEpochMilli());
                s.executeUpdate();
            }
            return Records.Added.NEW;
        });
    }

    @Override
    public List<Records.Vote> votes(String proposalId) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT member, yes, reasons, at FROM vote WHERE proposal_id = ? ORDER BY member")) {
                s.setString(1, proposalId);
                ResultSet rs = s.executeQuery();
                List<Records.Vote> out = new ArrayList<>();
                while (rs.next()) {
                    String r = rs.getString(3);
                    out.add(new Records.Vote(proposalId, rs.getString(1), rs.getInt(2) == 1,
                            r.isEmpty() ? List.of() : Arrays.asList(r.split("\n")), Instant.ofEpochMilli(rs.getLong(4))));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Records.Review> review(String proposalId) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT state, note, updated_at FROM review WHERE proposal_id = ?")) {
                s.setString(1, proposalId);
                ResultSet rs = s.executeQuery();
                return rs.next() ? Optional.of(new Records.Review(proposalId, rs.getString(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
            }
        });
    }

    @Override
    public void setReview(Records.Review r) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO review (proposal_id, state, note, updated_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, r.proposalId());
                s.setString(2, r.state());
                s.setString(3, r.note());
                s.setLong(4, r.updatedAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void addProbe(Records.Probe p) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO probe (subject, node, at, ok, detail, report_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.subject());
                s.setString(2, p.node());
                s.setLong(3, p.at().toEpochMilli());
                s.setInt(4, p.ok() ? 1 : 0);
                s.setString(5, p.detail());
                s.setString(6, p.reportHash());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Records.Probe> probes(String subject, int limit) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT node, at, ok, detail, report_hash FROM probe WHERE subject = ? ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, subject);
                s.setInt(2, limit);
                ResultSet rs = s.executeQuery();
                List<Records.Probe> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Records.Probe(subject, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3) == 1,
                            rs.getString(4), rs.getString(5)));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Records.Signed> signed(String subject) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT outcome, decision_hash, at FROM signed WHERE subject = ?")) {
                s.setString(1, subject);
                ResultSet rs = s.executeQuery();
                return rs.next() ? Optional.of(new Records.Signed(subject, rs.getString(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
            }
        });
    }

    @Override
    public void recordSigned(Records.Signed r) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO signed (subject, outcome, decision_hash, at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, r.subject());
                s.setString(2, r.outcome());
                s.setString(3, r.decisionHash());
                s.setLong(4, r.at().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void saveReceipt(Records.Receipt r) {
        db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO receipt (proposal_id, log_index, entry, proof) VALUES (?, ?, ?, ?)")) {
                s.setString(1, r.proposalId());
                s.setLong(2, r.logIndex());
                s.setBytes(3, r.entry().toArray());
                s.setBytes(4, r.proof().toArray());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Records.Receipt> receipt(String proposalId) {
        return db.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT log_index, entry, proof FROM receipt WHERE proposal_id = ?")) {
                s.setString(1, proposalId);
                ResultSet rs = s.executeQuery();
                return rs.next() ? Optional.of(new Records.Receipt(proposalId, rs.getLong(1), Bytes.wrap(rs.getBytes(2)), Bytes.wrap(rs.getBytes(3))))
                        : Optional.empty();
            }
        });
    }

    @Override
    public NonceStore nonceStore() {
        return nonces;
    }

    /** Whether a FROST session is recorded as used (its nonces released). */
    public boolean sessionUsed(Bytes groupId, dev.virex.crypto.frost.SessionId session) {
        return nonces.used(groupId, session);
    }

    @Override
    public void close() {
        db.close();
    }
}

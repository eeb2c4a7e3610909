package dev.virex.federation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningNonces;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.Scalar;
import dev.virex.core.note.SecretAccess;
import dev.virex.testkit.DeterministicRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemberStoreTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static Records.Proposal proposal(String id) {
        return new Records.Proposal(id, ProposalKind.JOIN, Bytes.wrap(new byte[] {1, 2, 3}), T, T.plusSeconds(600), "m1", false,
                OptionalLong.empty(), "");
    }

    @Test
    void pendingWorkSurvivesARestart() {
        Path db = dir.resolve("m/member.db");
        String id = "a".repeat(64);
        try (SqliteMemberStore s = SqliteMemberStore.open(db)) {
            assertThat(s.addProposal(proposal(id), Optional.of("n1"))).isEqualTo(Records.Added.NEW);
            assertThat(s.addProposal(proposal(id), Optional.of("n1"))).isEqualTo(Records.Added.EXISTS);
            assertThat(s.addProposal(proposal("b".repeat(64)), Optional.of("n1"))).as("nonce reuse").isEqualTo(Records.Added.CONFLICT);
            assertThat(s.addVote(new Records.Vote(id, "m2", false, List.of("probe-failed no answer", "x"), T))).isEqualTo(Records.Added.NEW);
            assertThat(s.addVote(new Records.Vote(id, "m2", false, List.of("probe-failed no answer", "x"), T))).isEqualTo(Records.Added.EXISTS);
            assertThat(s.addVote(new Records.Vote(id, "m2", true, List.of(), T))).isEqualTo(Records.Added.CONFLICT);
            s.setReview(new Records.Review(id, "probation", "started", T));
            s.addProbe(new Records.Probe("join:" + id, "node-1", T, false, "unreachable", "ab"));
            s.addProbe(new Records.Probe("join:" + id, "node-1", T.plusSeconds(1), true, "ok", "cd"));
            s.recordSigned(new Records.Signed("join:" + id, "join-approved", "ee", T));
            s.saveReceipt(new Records.Receipt(id, 9, Bytes.wrap(new byte[] {9}), Bytes.wrap(new byte[] {8, 7})));
        }
        assertThat(Files.exists(db)).isTrue();
        try (SqliteMemberStore s = SqliteMemberStore.open(db)) {
            assertThat(s.openProposals()).extracting(Records.Proposal::id).containsExactly(id);
            assertThat(s.proposal(id).orElseThrow().body()).isEqualTo(Bytes.wrap(new byte[] {1, 2, 3}));
            assertThat(s.votes(id)).singleElement().satisfies(v -> {
                assertThat(v.yes()).isFalse();
                assertThat(v.reasons()).containsExactly("probe-failed no answer", "x");
            });
            assertThat(s.review(id).orElseThrow().state()).isEqualTo("probation");
            assertThat(s.probes("join:" + id, 10)).extracting(Records.Probe::reportHash).containsExactly("cd", "ab");
            assertThat(s.signed("join:" + id).orElseThrow().outcome()).isEqualTo("join-approved");
            assertThat(s.receipt(id).orElseThrow().proof()).isEqualTo(Bytes.wrap(new byte[] {8, 7}));
            assertThat(s.addProposal(proposal("c".repeat(64)), Optional.of("n1"))).as("nonce remembered").isEqualTo(Records.Added.CONFLICT);
            s.close(id, OptionalLong.of(7), "join-approved");
            assertThat(s.openProposals()).isEmpty();
            assertThat(s.proposal(id).orElseThrow().logIndex()).hasValue(7);
        }
    }

    @Test
    void noNonceIsReleasedTwiceAcrossRestarts() throws Exception {
        Path db = dir.resolve("nonces.db");
        Bytes group = Bytes.wrap(new byte[32]);
        SessionId session = SessionId.random(new DeterministicRandom("session"));
        SigningNonces nonces = SigningNonces.of(Identifier.of(1), Scalar.of(5), Scalar.of(7), SecretAccess.grant());
        try (SqliteMemberStore s = SqliteMemberStore.open(db)) {
            s.nonceStore().put(group, session, nonces);
            assertThat(s.sessionUsed(group, session)).isFalse();
            assertThat(s.nonceStore().take(group, session)).containsSame(nonces);
            assertThat(s.sessionUsed(group, session)).as("used, durably, before the nonces left").isTrue();
            assertThat(s.nonceStore().take(group, session)).isEmpty();
        }
        SessionId pending = SessionId.random(new DeterministicRandom("pending"));
        try (SqliteMemberStore s = SqliteMemberStore.open(db)) {
            assertThatThrownBy(() -> s.nonceStore().put(group, session, nonces)).isInstanceOfSatisfying(FrostException.class,
                    e -> assertThat(e.kind()).isEqualTo(FrostException.Kind.NONCE_REUSED));
            s.nonceStore().put(group, pending, nonces);
        }
        try (SqliteMemberStore s = SqliteMemberStore.open(db)) {
            // Unused nonces die with the process: the session cannot complete, and cannot restart.
            assertThat(s.nonceStore().take(group, pending)).isEmpty();
            assertThatThrownBy(() -> s.nonceStore().put(group, pending, nonces)).isInstanceOf(FrostException.class);
        }
    }
}

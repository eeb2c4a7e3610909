package dev.virex.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.PowSolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JoinRequestTest {
    static final Path VECTORS = Path.of("src/test/resources/vectors/join");
    static final SignerKey NODE = key("mix-7.node.example");
    static final SignerKey OPERATOR = key("operator.example");
    static final Bytes SEED = sha("epoch seed 3");
    static final Bytes OTHER_SEED = sha("epoch seed 2");

    static SignerKey key(String name) {
        return SignerKey.fromSeed(name, sha("join-vector:" + name).toArray(), SecretAccess.grant());
    }

    static Bytes sha(String s) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JoinDraft draft() throws Exception {
        NodeInfo info = new NodeInfo(NODE.verifierKey(), NodeRole.MIXNODE, NodeAddress.parse("192.0.2.7:4000"),
                NodeAddress.parse("192.0.2.7:4001"), "eu-west", 250, OPERATOR.verifierKey(), "0.1.0");
        return new JoinDraft("federation.virex.example", Instant.parse("2026-11-21T06:00:00Z"),
                Bytes.fromHex("00112233445566778899aabbccddeeff"), info);
    }

    @Test
    void theValidExampleIsRebuiltByteForByte() throws Exception {
        SignedJoinRequest s = SignedJoinRequest.sign(draft().solve(SEED, 64), NODE.noteSigner(), OPERATOR.noteSigner());
        assertThat(s.note().toArray()).isEqualTo(Files.readAllBytes(VECTORS.resolve("valid_join_request.note")));
        assertThat(Files.readString(VECTORS.resolve("valid_join_request.seed")).strip()).isEqualTo(SEED.toHex());
        SignedJoinRequest opened = SignedJoinRequest.open(s.note().toArray());
        assertThat(opened.request()).isEqualTo(s.request());
        assertThat(opened.id()).isEqualTo(sha(s.request().text()));
        assertThat(opened.request().stampDigest()).isEqualTo(sha(s.request().unstampedText()));
        assertThat(s.request().text()).startsWith(s.request().unstampedText()).endsWith("\n");
        assertThat(s.request().text().substring(s.request().unstampedText().length())).startsWith("stamp ");
    }

    static Stream<Path> vectors() throws IOException {
        try (Stream<Path> files = Files.list(VECTORS)) {
            return files.filter(p -> p.toString().endsWith(".note")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorsBehaveAsTheirNamesSay(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        if (name.startsWith("valid_")) {
            assertThat(SignedJoinRequest.open(data).note().toArray()).isEqualTo(data);
            return;
        }
        JoinFormatException.Kind kind = name.startsWith("error_bad_signature") ? JoinFormatException.Kind.BAD_SIGNATURE
                : JoinFormatException.Kind.MALFORMED;
        assertThatThrownBy(() -> SignedJoinRequest.open(data)).isInstanceOfSatisfying(JoinFormatException.class,
                e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }

    @Test
    void stampsAreCheckedAgainstSeedsEffortAndText() throws Exception {
        JoinRequest r = draft().solve(SEED, 64);
        assertThat(JoinStamp.problem(r, List.of(OTHER_SEED, SEED), 64)).isEmpty();
        assertThat(JoinStamp.problem(r, List.of(OTHER_SEED), 64)).hasValueSatisfying(p -> assertThat(p).contains("epoch seed"));
        assertThat(JoinStamp.problem(r, List.of(SEED), 65)).hasValueSatisfying(p -> assertThat(p).contains("below the join effort"));
        // The same stamp on a changed text (another region) does not solve the new puzzle.
        JoinDraft other = new JoinDraft(r.federation(), r.time(), r.nonce(), new NodeInfo(r.node().node(), r.node().role(),
                r.node().address(), r.node().control(), "us-east", 250, r.node().operator(), "0.1.0"));
        assertThat(JoinStamp.problem(other.withStamp(r.stamp()), List.of(SEED), 64))
                .hasValueSatisfying(p -> assertThat(p).contains("not a valid solution"));
        PowSolution s = r.stamp();
        PowSolution otherNonce = new PowSolution(s.algorithm(), s.seedHead(), Bytes.wrap(new byte[16]), s.effort(), s.solution());
        assertThat(JoinStamp.problem(draft().withStamp(otherNonce), List.of(SEED), 64))
                .hasValueSatisfying(p -> assertThat(p).contains("nonce"));
    }

    @Test
    void recordsRefuseWhatTheFormatCannotCarry() throws Exception {
        JoinDraft d = draft();
        assertThatThrownBy(() -> new JoinDraft(d.federation(), d.time().plusMillis(5), d.nonce(), d.node()))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new JoinDraft(d.federation(), d.time(), Bytes.wrap(new byte[8]), d.node()))
                .hasMessageContaining("nonce");
        NodeInfo self = new NodeInfo(NODE.verifierKey(), NodeRole.MIXNODE, d.node().address(), d.node().control(), "eu-west", 1,
                NODE.verifierKey(), "0.1.0");
        assertThatThrownBy(() -> new JoinDraft(d.federation(), d.time(), d.nonce(), self)).hasMessageContaining("operator key");
        JoinRequest r = d.solve(SEED, 8);
        assertThatThrownBy(() -> SignedJoinRequest.sign(r, OPERATOR.noteSigner(), NODE.noteSigner()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedJoinRequest.open(new byte[SignedJoinRequest.MAX_NOTE + 1]))
                .isInstanceOfSatisfying(JoinFormatException.class, e -> assertThat(e.kind()).isEqualTo(JoinFormatException.Kind.TOO_LARGE));
    }
}

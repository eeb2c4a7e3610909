package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.NodeAddress;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.entry.LocalSigning;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.http.HttpService;
import dev.virex.log.TransparencyLog;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.CosignStep;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small network for the node benchmarks: a 3-of-5 FROST federation (in-process DKG), the real
 * log over loopback with every checkpoint cosigned by one witness, and a policy requiring that
 * witness. Decisions are signed in process ({@link LocalSigning}); times advance one second per
 * decision from now.
 */
final class BenchNetwork implements AutoCloseable {
    final SecureRandom random = new SecureRandom();
    final SignerKey logKey = SignerKey.generate("log.bench.example", random);
    final SignerKey witness = SignerKey.generate("witness.bench.example", random);
    final SignerKey operator = SignerKey.generate("operator.bench.example", random);
    final List<KeyShare> shares;
    final Path dir;
    final TiledLog log;
    final CountingLog counted;
    final LogServer server;
    private Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    BenchNetwork() throws Exception {
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(SignerKey.generate("member" + i + ".bench.example", random));
        }
        shares = LocalDkg.run(new DkgConfig("federation.bench.example", 3, SessionId.random(random),
                ids.stream().map(SignerKey::verifierKey).toList()), ids.stream().map(SignerKey::noteSigner).toList(), random);
        dir = Files.createTempDirectory("virex-bench-net");
        CosignStep cosign = signed -> Bytes.wrap(signed.note().note()
                .withSignatures(List.of(Cosignature.signer(witness, Instant.now().getEpochSecond()))).encode());
        log = TiledLog.open(LogConfig.defaults(dir.resolve("log"), logKey.noteSigner(), logKey.verifierKey().noteVerifier(),
                Verifiers.of(group().vkey().noteVerifier())).withCosign(cosign));
        counted = new CountingLog(log);
        server = LogServer.start(counted, HttpService.Options.loopback("bench-log"));
        append(sign(genesis(ids)));
    }

    GroupKey group() {
        return shares.get(0).group();
    }

    /** The trust policy of the followers: this log at its URL, the witness, quorum of that witness. */
    String policy() {
        return "log " + logKey.verifierKey().encode() + " " + server.baseUri() + "/\n"
                + "witness w1 " + Cosignature.cosignerKey(witness.verifierKey()).encode() + "\nquorum w1\n";
    }

    private Decision genesis(List<SignerKey> ids) {
        List<FederationKey.Member> members = new ArrayList<>();
        for (GroupKey.Member m : group().members()) {
            members.add(new FederationKey.Member(m.id().value(), m.name(), ids.get(m.id().value() - 1).verifierKey(),
                    m.verifyingShare().serialize()));
        }
        return new FederationKey(header(DecisionKind.FEDERATION_KEY), group().vkey(), 3, members, Optional.empty());
    }

    private Header header(DecisionKind kind) {
        time = time.plusSeconds(1);
        return new Header(kind, group().vkey().name(), time);
    }

    Bytes sign(Decision d) throws Exception {
        return Bytes.wrap(LocalSigning.sign(d, shares.subList(0, 3), random));
    }

    /** The key of a new node named {@code name}. */
    VerifierKey newNode(String name) {
        return SignerKey.generate(name, random).verifierKey();
    }

    /** A signed approval of {@code node}, the {@code n}th one (its addresses derive from n). */
    Bytes approval(VerifierKey node, int n) throws Exception {
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        NodeInfo info = new NodeInfo(node, NodeRole.MIXNODE, NodeAddress.parse(ip + ":4000"), NodeAddress.parse(ip + ":4001"),
                "eu-west", 100, operator.verifierKey(), "0.1.0");
        return sign(new JoinApproved(header(DecisionKind.JOIN_APPROVED), info, Bytes.wrap(new byte[32])));
    }

    Bytes removal(VerifierKey node) throws Exception {
        return sign(new NodeRemoved(header(DecisionKind.NODE_REMOVED), node, List.of(Reason.of("benchmark")), List.of()));
    }

    /** Appends and returns the index, once the entry is in the published (cosigned) checkpoint. */
    long append(Bytes entry) throws Exception {
        var r = log.add(entry);
        if (r.receipt().isEmpty()) {
            throw new IllegalStateException("entry not integrated in time");
        }
        return r.index();
    }

    TransparencyLog reader() {
        return counted;
    }

    @Override
    public void close() throws IOException {
        server.close();
        log.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

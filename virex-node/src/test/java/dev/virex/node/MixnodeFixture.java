package dev.virex.node;

import dev.virex.client.HttpMixnodeApi;
import dev.virex.client.MixnodeClient;
import dev.virex.client.PowSolver;
import dev.virex.client.Sleeper;
import dev.virex.client.TcpIngress;
import dev.virex.core.Bytes;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.LocalEpochBeacon;
import dev.virex.core.pow.ParamsSource;
import dev.virex.core.pow.PowAlgorithm;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.PowSolution;
import dev.virex.core.pow.Sha256Pow;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.MutableClock;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mixnode on loopback with a hand-moved clock, and helpers to talk to it as clients do (or don't). */
final class MixnodeFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration EPOCH = Duration.ofMinutes(10);

    final MutableClock clock;
    final SignerKey key;
    final Mixnode mixnode;
    final List<Bytes> delivered = new CopyOnWriteArrayList<>();
    /** Runs on the worker for each real message delivered, after it is recorded. */
    volatile java.util.function.Consumer<Bytes> onDeliver = m -> { };
    final HttpMixnodeApi api;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final SecureRandom random;

    MixnodeFixture(String name, ParamsSource params, MutableClock clock, MixnodeOptions options) {
        this.clock = clock;
        this.key = TestKeys.signer(name);
        this.random = new DeterministicRandom("fixture:" + name);
        LocalEpochBeacon beacon = new LocalEpochBeacon(T0, EPOCH, TestKeys.signer("beacon.example").noteSigner());
        this.mixnode = Mixnode.start(key, params, beacon, clock, new DeterministicRandom("mixnode:" + name),
                options.withSink(m -> {
                    delivered.add(m);
                    onDeliver.accept(m);
                }));
        this.api = new HttpMixnodeApi(mixnode.httpUri());
    }

    MixnodeFixture(String name, ParamsSource params) {
        this(name, params, new MutableClock(T0), MixnodeOptions.loopback());
    }

    /** A TCP connection from {@code localIp} (any 127.x.y.z on Linux): the mixnode sees that client identity. */
    TcpIngress connect(String localIp) throws IOException {
        TcpIngress t = TcpIngress.connect(mixnode.packetAddress(), InetAddress.getByName(localIp), Duration.ofSeconds(20));
        open.add(t);
        return t;
    }

    MixnodeClient client(String localIp, PowSolver solver, Sleeper sleeper, MixnodeClient.Listener listener) throws IOException {
        return new MixnodeClient(api, connect(localIp), solver, new DeterministicRandom("client:" + localIp), sleeper, clock,
                MixnodeClient.Options.defaults(), listener);
    }

    /** A sleeper that moves this fixture's clock instead of sleeping. */
    Sleeper clockSleeper(List<Duration> log) {
        return d -> {
            log.add(d);
            clock.advance(d);
        };
    }

    /** A frame as a client would build it, with every part chosen by the test. */
    static byte[] frame(PowInfo info, EpochSeed seed, long effort, Bytes solveForId, long prefix, MessagePayload payload,
                        SecureRandom random) {
        IngressSeal.Sealed sealed = IngressSeal.seal(info.kemKey(), info.identityBytes(), payload, random);
        Bytes digest = SubmitFrame.messageDigest(sealed.encapsulatedKey(), sealed.ciphertext());
        byte[] n = new byte[16];
        random.nextBytes(n);
        Bytes nonce = Bytes.wrap(n);
        PowPuzzle puzzle = new PowPuzzle(solveForId, seed.seed(), digest);
        long counter = Sha256Pow.search(puzzle, nonce, effort, 0, 0, 50_000_000).orElseThrow();
        PowSolution s = new PowSolution(PowAlgorithm.SHA256_V1, seed.head(), nonce, effort, Sha256Pow.solution(0, counter));
        return new SubmitFrame(prefix, s, sealed.encapsulatedKey(), sealed.ciphertext()).encode();
    }

    byte[] validFrame(PowInfo info, long effort, String text) {
        return frame(info, info.epochSeeds().current(), effort, info.identityBytes(), info.mixnodePrefix(),
                MessagePayload.real(Bytes.wrap(text.getBytes())), random);
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        mixnode.close();
    }
}

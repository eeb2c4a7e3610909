package dev.virex.client;

import dev.virex.core.Bytes;
import dev.virex.core.ingress.FrameException;
import dev.virex.core.ingress.Ingress;
import dev.virex.core.ingress.IngressSeal;
import dev.virex.core.ingress.MessagePayload;
import dev.virex.core.ingress.MixnodeApi;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.PowPuzzle;
import dev.virex.core.pow.Sha256Pow;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in mixnode for client tests (the real one lives in virex-node, which depends on this
 * module): checks every frame's PoW with the core verifier, opens it, and answers from a script.
 */
final class FakeMixnode implements MixnodeApi, Ingress {
    record Scripted(RejectReason reason, Duration retry, long suggested, long floor) {}

    final SignerKey key = TestKeys.signer("fake-mixnode.example");
    final Bytes id = key.verifierKey().publicKey();
    final IngressSeal.OpeningKey opening = IngressSeal.OpeningKey.derive(new byte[32], id);
    EpochSeed seed = new EpochSeed(1, Bytes.fromHex("5e".repeat(32)), Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1));
    AbuseParams params = AbuseParams.defaults();
    long suggested = 16;
    final Deque<Scripted> script = new ArrayDeque<>();
    final List<SubmitFrame> frames = new ArrayList<>();
    final List<MessagePayload> payloads = new ArrayList<>();
    int infoFetches;

    @Override
    public PowInfo powInfo() {
        infoFetches++;
        return new PowInfo(key.verifierKey().encode(), id.toHex(), opening.publicKey().toHex(), "127.0.0.1:1",
                params.powAlgorithm(), params.effortFloor(), Math.max(suggested, params.effortFloor()),
                List.of(PowInfo.Seed.of(seed)), params.encode(), "");
    }

    @Override
    public byte[] report(long interval) throws IOException {
        throw new IOException("no reports here");
    }

    @Override
    public ReplyFrame submit(byte[] raw) throws IOException {
        try {
            SubmitFrame f = SubmitFrame.decode(raw);
            frames.add(f);
            Bytes digest = SubmitFrame.messageDigest(f.encapsulatedKey(), f.ciphertext());
            if (f.pow().seedHead() != seed.head()
                    || !new Sha256Pow().verify(new PowPuzzle(id, seed.seed(), digest), f.pow())) {
                throw new IOException("client sent an invalid solution");
            }
            payloads.add(opening.open(f.encapsulatedKey(), f.ciphertext()));
            Scripted s = script.poll();
            if (s == null) {
                return new ReplyFrame(Optional.empty(), f.pow().nonce(), Duration.ZERO, suggested, params.effortFloor(), seed.head());
            }
            return new ReplyFrame(Optional.of(s.reason()), f.pow().nonce(), s.retry(), s.suggested(), s.floor(), seed.head());
        } catch (FrameException e) {
            throw new IOException(e);
        }
    }
}

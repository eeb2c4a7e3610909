package dev.virex.core.decision;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The deterministic fold of the log into the network state (docs/spec/decisions.md, "Fold"). Every
 * entry must be a decision signed by the federation's current group key; the first must be the
 * genesis {@link FederationKey} under the key the reader trusts. Not thread-safe: one follower
 * owns one fold and publishes {@link #directory()} snapshots.
 */
public final class DirectoryFold {
    /** Decisions older than the latest one by more than this are stale; within it, replays are caught by hash. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private final VerifierKey trustedGenesis;
    private long size;
    private Instant latest;
    private FederationKey federation;
    private EpochInfo epoch;
    private EpochInfo previousEpoch;
    private final TreeSet<ParamChange> params = new TreeSet<>();
    private final TreeMap<String, AdmittedNode> nodes = new TreeMap<>();
    private final TreeMap<String, Instant> removed = new TreeMap<>();
    private final TreeMap<Bytes, Instant> recent = new TreeMap<>();
    /** The verifier of the current group key, kept: building one decodes the key's curve point. */
    private VerifierKey verifierKey;
    private Verifiers verifiers;

    private DirectoryFold(VerifierKey trustedGenesis) {
        this.trustedGenesis = trustedGenesis;
    }

    /** A fold that starts at log entry 0, trusting {@code genesisGroupKey}. */
    public static DirectoryFold fromGenesis(VerifierKey genesisGroupKey) {
        return new DirectoryFold(genesisGroupKey);
    }

    /** A fold that continues from a verified directory snapshot. */
    public static DirectoryFold resume(Directory d) {
        DirectoryFold f = new DirectoryFold(null);
        f.size = d.logSize();
        f.latest = d.latestTime();
        f.federation = d.federation();
        f.epoch = d.epoch().orElse(null);
        f.previousEpoch = d.previousEpoch().orElse(null);
        f.params.addAll(d.params());
        f.nodes.putAll(d.nodes());
        f.removed.putAll(d.removed());
        f.recent.putAll(d.recent());
        return f;
    }

    public long size() {
        return size;
    }

    /** The current group key, or the trusted genesis key before entry 0. */
    public VerifierKey groupKey() {
        return federation == null ? trustedGenesis : federation.group();
    }

    /** Folds the entry at index {@link #size()}. */
    public FoldOutcome apply(byte[] entry) throws FoldException {
        long index = size;
        VerifierKey group = groupKey();
        VerifiedNote note;
        Decision d;
        try {
            note = Note.open(entry, verifiers(group), Decision.MAX_TEXT + 16 * 1024);
            d = Decisions.parse(note.text());
        } catch (NoteException e) {
            throw new FoldException(index, "not signed by the federation key " + group.name() + ": " + e.getMessage());
        } catch (DecisionFormatException e) {
            throw new FoldException(index, "not a valid decision: " + e.getMessage());
        }
        if (federation == null && !(d instanceof FederationKey fk && fk.previous().isEmpty() && fk.group().equals(trustedGenesis))) {
            throw new FoldException(index, "the first entry must be the genesis federation-key decision for " + trustedGenesis.name());
        }
        Optional<String> anomaly = check(d, note);
        if (anomaly.isEmpty()) {
            anomaly = FoldRules.apply(this, index, d, groupSignature(note, group));
        }
        if (anomaly.isEmpty()) {
            latest = latest == null || d.time().isAfter(latest) ? d.time() : latest;
            recent.put(hash(d), d.time());
            Instant horizon = latest.minus(MAX_SKEW);
            recent.values().removeIf(t -> t.isBefore(horizon));
            pruneParams();
        }
        size++;
        return new FoldOutcome(index, d, anomaly);
    }

    private Verifiers verifiers(VerifierKey group) {
        if (!group.equals(verifierKey)) {
            verifiers = Verifiers.of(group.noteVerifier());
            verifierKey = group;
        }
        return verifiers;
    }

    private Optional<String> check(Decision d, VerifiedNote note) throws FoldException {
        if (federation != null && !(d instanceof FederationKey) && !d.federation().equals(federation.group().name())) {
            return Optional.of("decision names federation " + d.federation() + ", not " + federation.group().name());
        }
        if (latest != null && d.time().isBefore(latest.minus(MAX_SKEW))) {
            return Optional.of("stale decision: " + Lines.format(d.time()) + " is older than the latest by more than " + MAX_SKEW.toMinutes() + " min");
        }
        if (recent.containsKey(hash(d))) {
            return Optional.of("replayed decision");
        }
        if (d instanceof FederationKey fk && federation != null) {
            if (fk.previous().isEmpty() || !fk.previous().get().equals(federation.group())) {
                return Optional.of("key rotation must name the current group key as previous");
            }
            try {
                Note.open(note.note().encode(), Verifiers.of(fk.group().noteVerifier()), Decision.MAX_TEXT + 16 * 1024);
            } catch (NoteException e) {
                return Optional.of("key rotation is not also signed by the new group key");
            }
        }
        return Optional.empty();
    }

    private static NoteSignature groupSignature(VerifiedNote note, VerifierKey group) {
        return note.verified().stream().filter(s -> s.name().equals(group.name()) && s.keyId() == group.keyId())
                .findFirst().orElseThrow();
    }

    private void pruneParams() {
        TreeMap<String, ParamChange> newestActive = new TreeMap<>();
        for (ParamChange c : params) {
            if (!c.activation().isAfter(latest)) {
                newestActive.merge(c.key(), c, (a, b) -> b.activation().isAfter(a.activation()) ? b : a);
            }
        }
        params.removeIf(c -> !c.activation().isAfter(latest) && !newestActive.get(c.key()).equals(c));
    }

    /** The state after the entries folded so far. */
    public Directory directory() {
        if (federation == null) {
            throw new IllegalStateException("no genesis folded yet");
        }
        return new Directory(size, latest, federation, Optional.ofNullable(epoch), Optional.ofNullable(previousEpoch),
                params, nodes, removed, recent);
    }

    static Bytes hash(Decision d) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(d.text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Package-private state access for FoldRules.
    FederationKey federation() {
        return federation;
    }

    void federation(FederationKey fk) {
        federation = fk;
    }

    TreeMap<String, AdmittedNode> nodes() {
        return nodes;
    }

    TreeMap<String, Instant> removed() {
        return removed;
    }

    TreeSet<ParamChange> params() {
        return params;
    }

    EpochInfo epoch() {
        return epoch;
    }

    void epoch(EpochInfo e) {
        previousEpoch = epoch;
        epoch = e;
    }
}

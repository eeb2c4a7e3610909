package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * A {@link NonceStore} in memory, bounded: at most {@code maxPending} unused nonce pairs (the
 * oldest is dropped beyond that) and a memory of the last {@code maxUsed} used sessions. Nonces
 * never outlive the process, which is the safe direction: see the interface's contract.
 */
public final class InMemoryNonceStore implements NonceStore {
    private record Key(Bytes groupId, SessionId session) {}

    private final int maxPending;
    private final int maxUsed;
    private final LinkedHashMap<Key, SigningNonces> pending = new LinkedHashMap<>();
    private final LinkedHashMap<Key, Boolean> used = new LinkedHashMap<>();

    public InMemoryNonceStore() {
        this(1024, 65536);
    }

    public InMemoryNonceStore(int maxPending, int maxUsed) {
        if (maxPending < 1 || maxUsed < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxPending = maxPending;
        this.maxUsed = maxUsed;
    }

    @Override
    public synchronized void put(Bytes groupId, SessionId session, SigningNonces nonces) throws FrostException {
        Key k = new Key(groupId, session);
        if (pending.containsKey(k) || used.containsKey(k)) {
            throw new FrostException(FrostException.Kind.NONCE_REUSED, "this member already committed to session " + session);
        }
        pending.put(k, nonces);
        trim(pending, maxPending);
    }

    @Override
    public synchronized Optional<SigningNonces> take(Bytes groupId, SessionId session) {
        Key k = new Key(groupId, session);
        SigningNonces n = pending.remove(k);
        if (n != null) {
            used.put(k, Boolean.TRUE);
            trim(used, maxUsed);
        }
        return Optional.ofNullable(n);
    }

    public synchronized int pending() {
        return pending.size();
    }

    private static void trim(LinkedHashMap<Key, ?> map, int max) {
        while (map.size() > max) {
            var oldest = map.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}

package dev.virex.core.note;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of keys a reader trusts, looked up by (key name, key ID) as C2SP signed-note requires:
 * a signature matching only one of the two is from an unknown key.
 */
public final class Verifiers {
    private record Id(String name, int keyId) {}

    private final Map<Id, NoteVerifier> byId;

    private Verifiers(Map<Id, NoteVerifier> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static Verifiers of(NoteVerifier... verifiers) {
        return of(List.of(verifiers));
    }

    /**
     * @throws IllegalArgumentException if two different verifiers share both name and key ID: a
     *     configuration error that would make verification ambiguous.
     */
    public static Verifiers of(Collection<? extends NoteVerifier> verifiers) {
        Map<Id, NoteVerifier> map = new HashMap<>();
        for (NoteVerifier v : verifiers) {
            NoteVerifier old = map.putIfAbsent(new Id(v.name(), v.keyId()), v);
            if (old != null && !old.equals(v)) {
                throw new IllegalArgumentException("ambiguous keys: two verifiers named " + v.name()
                        + "+" + KeyIds.hex(v.keyId()));
            }
        }
        return new Verifiers(map);
    }

    public static Verifiers ofKeys(Collection<VerifierKey> keys) {
        return of(keys.stream().map(VerifierKey::noteVerifier).toList());
    }

    public Optional<NoteVerifier> find(String name, int keyId) {
        return Optional.ofNullable(byId.get(new Id(name, keyId)));
    }

    public int size() {
        return byId.size();
    }
}

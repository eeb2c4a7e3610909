package dev.virex.core.decision;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.VerifierKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The federation's group key and membership: the genesis entry of the log (no {@code previous})
 * and every later rotation (signed by the previous group key). Each member line carries its
 * FROST identifier, name, identity key (for member-to-member authentication) and verifying share
 * (so that anyone can check which members produced a threshold signature).
 */
public record FederationKey(Header header, VerifierKey group, int threshold, List<Member> members,
                            Optional<VerifierKey> previous) implements Decision {
    public static final int MAX_MEMBERS = 64;

    /** One member: {@code member <id> <name> <identity vkey> <base64 verifying share>}. */
    public record Member(int id, String name, VerifierKey identity, Bytes verifyingShare) {
        public Member {
            if (id < 1 || id > MAX_MEMBERS) {
                throw new IllegalArgumentException("member id must be 1 to " + MAX_MEMBERS);
            }
            if (!KeyNames.isValid(name)) {
                throw new IllegalArgumentException("member name must be a valid key name");
            }
            if (verifyingShare.length() != 32) {
                throw new IllegalArgumentException("verifying share must be a 32-byte encoded point");
            }
        }

        String line() {
            return id + " " + name + " " + identity.encode() + " " + verifyingShare.toBase64();
        }
    }

    public FederationKey {
        Decisions.requireKind(header, DecisionKind.FEDERATION_KEY);
        members = List.copyOf(members);
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a federation has 1 to " + MAX_MEMBERS + " members");
        }
        if (threshold < 1 || threshold > members.size()) {
            throw new IllegalArgumentException("threshold must be 1 to N (" + members.size() + ")");
        }
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int prev = 0;
        for (Member m : members) {
            if (m.id() <= prev || !ids.add(m.id()) || !names.add(m.name())) {
                throw new IllegalArgumentException("member ids must increase and names be unique");
            }
            prev = m.id();
        }
        if (!group.name().equals(header.federation())) {
            throw new IllegalArgumentException("the group key's name must be the federation name");
        }
    }

    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(2048);
        header.write(sb);
        sb.append("group ").append(group.encode()).append('\n');
        sb.append("threshold ").append(threshold).append('\n');
        members.forEach(m -> sb.append("member ").append(m.line()).append('\n'));
        previous.ifPresent(p -> sb.append("previous ").append(p.encode()).append('\n'));
        return sb.toString();
    }

    static FederationKey read(Header h, Lines in) throws DecisionFormatException {
        VerifierKey group = NodeInfo.vkey(in.expect("group"), "group");
        int threshold = (int) Lines.number(in.expect("threshold"), 1, MAX_MEMBERS, "threshold");
        List<Member> members = new java.util.ArrayList<>();
        for (String line : in.repeated("member", MAX_MEMBERS)) {
            String[] f = line.split(" ", -1);
            if (f.length != 4) {
                throw new DecisionFormatException("member line must be 'member <id> <name> <vkey> <share>'");
            }
            int id = (int) Lines.number(f[0], 1, MAX_MEMBERS, "member id");
            VerifierKey identity = NodeInfo.vkey(f[2], "member identity");
            byte[] share = Base64s.decodeCanonical(f[3])
                    .orElseThrow(() -> new DecisionFormatException("verifying share must be canonical base64"));
            members.add(Decisions.build(() -> new Member(id, f[1], identity, Bytes.wrap(share))));
        }
        Optional<String> prevText = in.optional("previous");
        Optional<VerifierKey> previous = prevText.isPresent()
                ? Optional.of(NodeInfo.vkey(prevText.get(), "previous")) : Optional.empty();
        in.end();
        return Decisions.build(() -> new FederationKey(h, group, threshold, members, previous));
    }
}

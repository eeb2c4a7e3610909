package dev.virex.core.decision;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.VerifierKey;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Strict parser of the canonical directory text (docs/spec/decisions.md, "Directory"). */
final class DirectoryText {
    static final int MAX_NODES = 100_000;
    static final int MAX_LIST = 100_000;

    private DirectoryText() {}

    static Directory parse(String text) throws DecisionFormatException {
        Lines in = new Lines(text, Directory.MAX_TEXT);
        in.literal(Directory.VERSION);
        long size = Lines.number(in.expect("log-size"), 1, Long.MAX_VALUE, "log-size");
        Instant latest = Lines.time(in.expect("latest-time"));
        Instant since = Lines.time(in.expect("federation-since"));
        VerifierKey group = NodeInfo.vkey(in.expect("group"), "group");
        int threshold = (int) Lines.number(in.expect("threshold"), 1, FederationKey.MAX_MEMBERS, "threshold");
        StringBuilder fk = new StringBuilder();
        Header h = Decisions.build(() -> new Header(DecisionKind.FEDERATION_KEY, group.name(), since));
        h.write(fk);
        fk.append("group ").append(group.encode()).append('\n').append("threshold ").append(threshold).append('\n');
        for (String m : in.repeated("member", FederationKey.MAX_MEMBERS)) {
            fk.append("member ").append(m).append('\n');
        }
        in.optional("previous-group").ifPresent(p -> fk.append("previous ").append(p).append('\n'));
        Decision d = Decisions.parse(fk.toString());
        FederationKey federation = (FederationKey) d;
        Optional<EpochInfo> epoch = optionalEpoch(in.optional("epoch"));
        Optional<EpochInfo> previousEpoch = optionalEpoch(in.optional("previous-epoch"));
        TreeSet<ParamChange> params = new TreeSet<>();
        for (String p : in.repeated("param-change", MAX_LIST)) {
            params.add(ParamChange.parse(p));
        }
        TreeMap<String, AdmittedNode> nodes = new TreeMap<>();
        for (String n : in.repeated("node", MAX_NODES)) {
            AdmittedNode node = AdmittedNode.parse(n);
            nodes.put(node.id(), node);
        }
        TreeMap<String, Instant> removed = new TreeMap<>();
        for (String r : in.repeated("removed", MAX_LIST)) {
            String[] f = pair(r, "removed");
            if (!KeyNames.isValid(f[0])) {
                throw new DecisionFormatException("removed: invalid node id");
            }
            removed.put(f[0], Lines.time(f[1]));
        }
        TreeMap<Bytes, Instant> recent = new TreeMap<>();
        for (String r : in.repeated("recent", MAX_LIST)) {
            String[] f = pair(r, "recent");
            recent.put(Decisions.hash(f[0], "recent hash"), Lines.time(f[1]));
        }
        in.end();
        Directory dir = Decisions.build(() -> new Directory(size, latest, federation, epoch, previousEpoch, params, nodes, removed, recent));
        if (!dir.text().equals(text)) {
            throw new DecisionFormatException("directory text is not in canonical form");
        }
        return dir;
    }

    private static Optional<EpochInfo> optionalEpoch(Optional<String> line) throws DecisionFormatException {
        return line.isPresent() ? Optional.of(EpochInfo.parse(line.get())) : Optional.empty();
    }

    private static String[] pair(String value, String what) throws DecisionFormatException {
        String[] f = value.split(" ", -1);
        if (f.length != 2) {
            throw new DecisionFormatException(what + " line must have two fields");
        }
        return f;
    }
}

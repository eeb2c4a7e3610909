package dev.virex.cli.frost;

import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.frost.Attestation;
import dev.virex.crypto.frost.Element;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Signature;
import dev.virex.crypto.frost.SigningPackage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virex frost verify}: checks a group signature over a message (under a group vkey or a
 * group description), or an attestation of which members signed (against the group description's
 * verifying shares).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a FROST group signature over a message, or an attestation naming the members who signed.",
            "", "With --signature it prints 'valid'; with --attestation, '<id> <name>' for each signer."})
final class FrostVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--group", paramLabel = "GROUP_FILE", description = "Group description (virex-frost-group/v1).")
    Path group;

    @Option(names = "--vkey", paramLabel = "VKEY", description = "Group vkey, instead of --group, to check a plain signature.")
    String vkey;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--signature", paramLabel = "BASE64", description = "The 64-byte signature, base64.")
        String signature;

        @Option(names = "--attestation", paramLabel = "FILE", description = "Attestation file (virex-frost-attestation/v1); needs --group.")
        Path attestation;
    }

    @Parameters(paramLabel = "MESSAGE_FILE", defaultValue = "-", description = "The signed message, byte for byte; '-' (default) reads stdin.")
    Path message;

    @Override
    public Integer call() {
        if ((group == null) == (vkey == null)) {
            throw new UserError("give exactly one of --group and --vkey");
        }
        if (what.attestation != null && group == null) {
            throw new UserError("--attestation needs --group: the verifying shares are in the group description");
        }
        GroupKey g = group == null ? null : GroupFiles.read(group);
        Element key = g != null ? g.publicKey() : groupKey(vkey);
        byte[] msg = Inputs.readFile(message, SigningPackage.MAX_MESSAGE_BYTES, "message");
        PrintWriter out = spec.commandLine().getOut();
        if (what.signature != null) {
            Bytes sig = Base64s.decodeCanonical(what.signature.strip()).map(Bytes::wrap)
                    .orElseThrow(() -> new UserError("--signature is not canonical base64"));
            if (!Signature.verify(key, msg, sig)) {
                throw new UserError("signature does not verify under " + (g != null ? g.vkey().encode() : vkey));
            }
            out.println("valid");
        } else {
            byte[] text = Inputs.readFile(what.attestation, Attestation.MAX_BYTES, "attestation");
            List<GroupKey.Member> signers;
            try {
                signers = Attestation.parse(text).verify(g, msg);
            } catch (FrostException e) {
                throw new UserError("attestation rejected: " + e.getMessage());
            }
            for (GroupKey.Member m : signers) {
                out.println(m.id() + " " + m.name());
            }
            spec.commandLine().getErr().println("virex: attestation valid: " + signers.size() + " members of " + g.vkey().name()
                    + " signed (threshold " + g.threshold() + " of " + g.members().size() + ")");
        }
        out.flush();
        return 0;
    }

    private static Element groupKey(String vkey) {
        try {
            VerifierKey k = VerifierKey.parse(vkey.strip());
            return Element.deserialize(k.publicKey());
        } catch (NoteException | FrostException e) {
            throw new UserError("invalid --vkey: " + e.getMessage());
        }
    }
}

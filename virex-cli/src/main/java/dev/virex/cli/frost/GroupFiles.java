package dev.virex.cli.frost;

import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import java.nio.file.Path;

/** Reads group description files with one-line errors. */
final class GroupFiles {
    private GroupFiles() {}

    static GroupKey read(Path file) {
        byte[] data = Inputs.readFile(file, GroupKey.MAX_BYTES, "group description");
        try {
            return GroupKey.parse(data);
        } catch (FrostException e) {
            throw new UserError(file + " is not a valid group description: " + e.getMessage());
        }
    }
}

package dev.virex.cli;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private key files: one line in the signed-note private-key format, created with mode 0600,
 * never overwritten.
 */
public final class KeyFiles {
    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);
    /** A key file is one short line; anything larger is not a key file. */
    static final int MAX_KEY_FILE_BYTES = 4096;

    private KeyFiles() {}

    public static SignerKey read(Path file) {
        byte[] data = Inputs.readFile(file, MAX_KEY_FILE_BYTES, "key file");
        warnIfReadableByOthers(file);
        try {
            return SignerKey.parse(new String(data, StandardCharsets.UTF_8));
        } catch (NoteException e) {
            throw new UserError(file + " is not a private key file: " + e.getMessage());
        }
    }

    /** Writes {@code key} to a new file with mode 0600, durably; refuses to overwrite. */
    public static void writeNew(Path file, SignerKey key) {
        writeNewSecret(file, (key.encode(SecretAccess.grant()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void writeNewSecret(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("directory " + dir + " does not exist");
        }
        Set<StandardOpenOption> opts = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (SeekableByteChannel ch = posix(file)
                ? Files.newByteChannel(file, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, opts)) {
            ch.write(ByteBuffer.wrap(content));
            if (ch instanceof java.nio.channels.FileChannel fc) {
                fc.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(file + " already exists; refusing to overwrite a key (move it away first if you mean to replace it)");
        } catch (AccessDeniedException e) {
            throw new UserError("permission denied writing " + file);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (posix(file)) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    log.warn("{} is readable by other users (mode {}); run: chmod 600 {}", file,
                            PosixFilePermissions.toString(p), file);
                }
            }
        } catch (NoSuchFileException e) {
            // read() already reported it
        } catch (IOException e) {
            log.debug("cannot read permissions of {}", file, e);
        }
    }
}

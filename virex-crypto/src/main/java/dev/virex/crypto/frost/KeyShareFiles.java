package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key share files. Written crash-safely (a temporary file created with mode 0600 in the same
 * directory, written, fsynced, then moved into place and the directory fsynced), never over an
 * existing file; read with the size cap of {@link KeyShare} and refused when other users may read
 * them. The share is not encrypted: protection is the file mode (see docs/spec/frost.md).
 */
public final class KeyShareFiles {
    private static final Logger log = LoggerFactory.getLogger(KeyShareFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyShareFiles() {}

    /** Writes {@code share} to a new file {@code file}; fails if it exists. */
    public static void write(Path file, KeyShare share) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a key share");
        }
        byte[] content = share.encode(SecretAccess.grant());
        try {
            Files.deleteIfExists(tmp);
            var opts = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel ch = posix
                    ? FileChannel.open(tmp, opts, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : FileChannel.open(tmp, opts)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file);
            if (posix) {
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                }
            }
        } finally {
            Arrays.fill(content, (byte) 0);
            Files.deleteIfExists(tmp);
        }
        log.info("wrote key share of member {} of group {} to {}", share.id(), share.group().vkey().name(), file);
    }

    /**
     * Reads a key share file.
     *
     * @throws IOException if the file cannot be read, or is readable or writable by others than
     *     its owner
     * @throws FrostException if it is not a valid key share (a truncated file fails here)
     */
    public static KeyShare read(Path file) throws IOException, FrostException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(p)) {
                throw new IOException(file + " is accessible to other users (mode " + PosixFilePermissions.toString(p)
                        + "); a key share must be mode 0600: chmod 600 " + file);
            }
        }
        byte[] data;
        try (var in = Files.newInputStream(file)) {
            data = in.readNBytes(KeyShare.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no key share file");
        }
        try {
            return KeyShare.parse(data, SecretAccess.grant());
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}

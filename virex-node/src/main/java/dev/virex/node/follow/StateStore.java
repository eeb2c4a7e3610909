package dev.virex.node.follow;

import dev.virex.core.note.NoteVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's state directory: {@code node.state} ({@link FollowerState}), replaced crash-safely
 * (write a temporary file, fsync, rename over, fsync the directory), so that after a crash the file
 * is either the old state or the new one. A file that does not parse is moved aside, never deleted,
 * and the node starts over from a snapshot or from genesis. Split-view evidence goes to
 * {@code evidence/}.
 */
public final class StateStore {
    private static final Logger log = LoggerFactory.getLogger(StateStore.class);
    static final String FILE = "node.state";
    static final String TEMP = "node.state.tmp";

    private final Path dir;
    private final Clock clock;

    public StateStore(Path dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(TEMP)); // a write interrupted by a crash
    }

    public Path dir() {
        return dir;
    }

    /** The persisted state; empty if there is none, or if it was unreadable (then moved aside and logged). */
    public Optional<FollowerState> load(NoteVerifier logKey) throws IOException {
        Path file = dir.resolve(FILE);
        byte[] data;
        try {
            if (Files.size(file) > FollowerState.MAX_BYTES) {
                return setAside(file, "larger than " + FollowerState.MAX_BYTES + " bytes");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(FollowerState.parse(data, logKey));
        } catch (StateFormatException e) {
            return setAside(file, e.getMessage());
        }
    }

    private Optional<FollowerState> setAside(Path file, String why) throws IOException {
        Path aside = dir.resolve(FILE + ".corrupt-" + clock.instant().getEpochSecond());
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        log.error("persisted node state is unusable ({}); moved to {}, starting over from a snapshot or genesis", why, aside);
        return Optional.empty();
    }

    public void save(FollowerState state) throws IOException {
        write(dir.resolve(TEMP), dir.resolve(FILE), state.encode());
    }

    /** Keeps evidence (e.g. two inconsistent checkpoints) under {@code evidence/NAME}. */
    public Path saveEvidence(String name, byte[] content) throws IOException {
        Path ev = dir.resolve("evidence");
        Files.createDirectories(ev);
        Path file = ev.resolve(name);
        write(ev.resolve(name + ".tmp"), file, content);
        return file;
    }

    private static void write(Path temp, Path target, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync directory {} (not supported here): {}", target.getParent(), e.toString());
        }
    }
}

package dev.virex.log.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * Crash-safe file writes: write a temporary file next to the target, fsync it, rename it over the
 * target, then fsync the directory. After a crash a reader sees the old file or the new one,
 * never a torn one. Temporary files are named {@code .<name>.tmp}: hidden from static web
 * servers' listings and removed on the next start.
 */
final class DurableFiles {
    static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {}

    /**
     * Writes {@code data} to {@code target} atomically and durably except for the directory
     * entry: the directories whose entries changed are added to {@code dirsToSync}, so that one
     * {@link #syncAll} covers a whole batch of files.
     */
    static void write(Path target, byte[] data, Collection<Path> dirsToSync) throws IOException {
        Path dir = target.getParent();
        createDirectories(dir, dirsToSync);
        Path temp = dir.resolve("." + target.getFileName() + TEMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        dirsToSync.add(dir);
    }

    /** Writes one file atomically and durably, directory entry included. */
    static void writeNow(Path target, byte[] data) throws IOException {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        write(target, data, dirs);
        syncAll(dirs);
    }

    /** Creates missing directories, recording each parent whose entries changed. */
    static void createDirectories(Path dir, Collection<Path> dirsToSync) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), dirsToSync);
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created concurrently
        }
        dirsToSync.add(dir.getParent());
    }

    static void syncAll(Collection<Path> dirs) throws IOException {
        for (Path d : dirs) {
            syncDirectory(d);
        }
    }

    /** Makes a directory's entries (created, renamed, removed files) durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

package dev.virex.log.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * Writes many files atomically and durably in four passes (write all temporary files, fsync
     * them, rename them, fsync their directories) rather than file by file: on journaling file
     * systems the first fsync of a pass commits what the others would, so a batch costs about two
     * commits instead of two per file.
     */
    static void writeAll(Map<Path, byte[]> files) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> temps = new ArrayList<>(files.size());
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            Path dir = f.getKey().getParent();
            createDirectories(dir, dirs);
            Path temp = dir.resolve("." + f.getKey().getFileName() + TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(f.getValue());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            temps.add(temp);
        }
        forceAll(temps, StandardOpenOption.WRITE);
        int i = 0;
        for (Path target : files.keySet()) {
            Files.move(temps.get(i++), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            dirs.add(target.getParent());
        }
        forceAll(new ArrayList<>(dirs), StandardOpenOption.READ);
    }

    /**
     * fsyncs files (or directories) concurrently: each fsync ends in a device cache flush, and
     * concurrent flushes are merged by the block layer, so a batch costs about one flush.
     */
    static void forceAll(List<Path> paths, StandardOpenOption mode) throws IOException {
        if (paths.size() <= 1) {
            for (Path p : paths) {
                force(p, mode);
            }
            return;
        }
        List<Future<?>> done = new ArrayList<>(paths.size());
        for (Path p : paths) {
            done.add(FSYNC.submit(() -> {
                force(p, mode);
                return null;
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while syncing files");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    private static void force(Path p, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(p, mode)) {
            ch.force(true);
        }
    }

    /** Threads that wait in fsync; daemon, so they never keep the JVM alive. */
    private static final ExecutorService FSYNC = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "virex-fsync");
        t.setDaemon(true);
        return t;
    });

    /** Writes one file atomically and durably, directory entry included. */
    static void writeNow(Path target, byte[] data) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
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

package dev.virex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Size-capped reading of command inputs, with one-line errors. */
public final class Inputs {
    private Inputs() {}

    /** Reads a file, or stdin when {@code file} is "-", refusing more than {@code max} bytes. */
    public static byte[] readFile(Path file, int max, String what) {
        if (file.toString().equals("-")) {
            return readCapped(System.in, max, what + " on stdin");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(what + " " + file + " is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readCapped(in, max, what + " " + file);
        } catch (NoSuchFileException e) {
            throw new UserError(what + " " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UserError("permission denied reading " + what + " " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] readCapped(InputStream in, int max, String what) {
        try {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                throw new UserError(what + " is larger than " + max + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw new UserError("cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}

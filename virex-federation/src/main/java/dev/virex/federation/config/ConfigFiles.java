package dev.virex.federation.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.virex.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** JSON configuration files: strict (unknown fields refused), size-capped, written atomically. */
public final class ConfigFiles {
    /** Cap on any configuration or policy file. */
    public static final int MAX_BYTES = 256 * 1024;

    private ConfigFiles() {}

    public static <T> T read(Path file, Class<T> type) throws ConfigException {
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (data.length > MAX_BYTES) {
            throw new ConfigException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        return parse(data, type, file.toString());
    }

    public static <T> T parse(byte[] data, Class<T> type, String what) throws ConfigException {
        try {
            return Json.MAPPER.readValue(data, type);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String msg = c.getMessage() == null ? c.toString() : c.getMessage().lines().findFirst().orElse("");
            String line = e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0
                    ? " (line " + j.getLocation().getLineNr() + ")" : "";
            throw new ConfigException(what + " is not a valid " + type.getSimpleName() + line + ": " + msg, e);
        }
    }

    /** Pretty JSON, for files people read and edit. */
    public static String toJson(Object value) {
        try {
            return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code value} as JSON to {@code file}: temporary file, then an atomic move. */
    public static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(value), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package dev.virex.core.tlog;

import dev.virex.core.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry bundle of C2SP tlog-tiles ("Log entries"): up to 256 consecutive log entries, each
 * prefixed by its length as a big-endian uint16, so an entry is at most {@link #MAX_ENTRY_BYTES}
 * bytes. {@code parse(b, w).encode()} gives back exactly {@code b}.
 */
public record EntryBundle(List<Bytes> entries) {
    public static final int MAX_ENTRY_BYTES = 0xFFFF;
    /** The largest possible bundle: 256 entries of the largest size with their prefixes. */
    public static final int MAX_BYTES = TilePath.FULL_WIDTH * (2 + MAX_ENTRY_BYTES);

    public EntryBundle {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > TilePath.FULL_WIDTH) {
            throw new IllegalArgumentException("a bundle holds 1 to 256 entries, got " + entries.size());
        }
        for (Bytes e : entries) {
            if (e.length() > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry of " + e.length() + " bytes exceeds " + MAX_ENTRY_BYTES);
            }
        }
    }

    /**
     * Parses a bundle that must hold exactly {@code width} entries (the width its path names), with
     * nothing after the last one.
     */
    public static EntryBundle parse(byte[] data, int width) throws TileFormatException {
        if (width < 1 || width > TilePath.FULL_WIDTH) {
            throw new TileFormatException("bundle width must be 1 to 256");
        }
        if (data.length > MAX_BYTES) {
            throw new TileFormatException("bundle of " + data.length + " bytes exceeds " + MAX_BYTES);
        }
        List<Bytes> out = new ArrayList<>(width);
        int pos = 0;
        while (pos < data.length) {
            if (out.size() == width) {
                throw new TileFormatException("bundle has data after its " + width + " entries");
            }
            if (data.length - pos < 2) {
                throw new TileFormatException("bundle ends inside a length prefix");
            }
            int len = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
            pos += 2;
            if (data.length - pos < len) {
                throw new TileFormatException("bundle ends inside entry " + out.size());
            }
            out.add(Bytes.of(data, pos, len));
            pos += len;
        }
        if (out.size() != width) {
            throw new TileFormatException("bundle holds " + out.size() + " entries, its path says " + width);
        }
        return new EntryBundle(out);
    }

    public byte[] encode() {
        int size = 0;
        for (Bytes e : entries) {
            size += 2 + e.length();
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (Bytes e : entries) {
            out[pos] = (byte) (e.length() >>> 8);
            out[pos + 1] = (byte) e.length();
            e.copyTo(out, pos + 2);
            pos += 2 + e.length();
        }
        return out;
    }

    public int width() {
        return entries.size();
    }
}

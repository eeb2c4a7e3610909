package dev.virex.log.client;

import dev.virex.core.Bytes;
import dev.virex.core.tlog.TilePath;
import dev.virex.log.LogException;
import dev.virex.log.LogReader;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** Log readers for tests: one whose target can be switched (a fork), one that tampers. */
final class Readers {
    private Readers() {}

    static final class Switchable implements LogReader {
        volatile LogReader target;

        Switchable(LogReader target) {
            this.target = target;
        }

        @Override
        public Bytes checkpoint() throws IOException, LogException {
            return target.checkpoint();
        }

        @Override
        public Bytes tile(TilePath path) throws IOException, LogException {
            return target.tile(path);
        }
    }

    static final class Tampering implements LogReader {
        final LogReader target;
        volatile UnaryOperator<Bytes> bundles = b -> b;
        volatile UnaryOperator<Bytes> checkpoints = b -> b;

        Tampering(LogReader target) {
            this.target = target;
        }

        @Override
        public Bytes checkpoint() throws IOException, LogException {
            return checkpoints.apply(target.checkpoint());
        }

        @Override
        public Bytes tile(TilePath path) throws IOException, LogException {
            Bytes b = target.tile(path);
            return path.isEntries() ? bundles.apply(b) : b;
        }
    }

    static Bytes flipLastByte(Bytes b) {
        byte[] a = b.toArray();
        a[a.length - 1] ^= 1;
        return Bytes.wrap(a);
    }
}

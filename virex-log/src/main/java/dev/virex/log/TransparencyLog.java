package dev.virex.log;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.tlog.TlogProof;
import java.io.IOException;

/**
 * A VIREX transparency log, mirroring its HTTP API: the tlog-tiles reads, {@code POST /add}, and
 * the proof endpoints that witnesses, followers and auditors use. {@code TiledLog} implements it
 * in process; {@code HttpLogClient} implements it over HTTP; {@code LogServer} serves any
 * implementation.
 */
public interface TransparencyLog extends LogReader {
    /**
     * Appends an entry: a signed note carrying a valid signature by a federation key. Returns once
     * the entry is durably sequenced, with its receipt if it was integrated within the log's wait
     * bound. A duplicate returns the index of the existing entry.
     */
    AddResult add(Bytes entry) throws IOException, LogException;

    /** The inclusion proof of entry {@code index} in the tree of {@code size} entries. */
    InclusionProof inclusionProof(long index, long size) throws IOException, LogException;

    /** The consistency proof from the tree of {@code size1} entries to that of {@code size2}. */
    ConsistencyProof consistencyProof(long size1, long size2) throws IOException, LogException;

    /** A C2SP tlog-proof for entry {@code index} against the current checkpoint. */
    TlogProof receipt(long index) throws IOException, LogException;
}

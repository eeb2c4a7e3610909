package dev.virex.log.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Jazzer fuzz test of the journal's recovery parser (regression mode in the suite over the seeds
 * under JournalFuzzTestInputs): whatever bytes follow a segment header, recovery either returns
 * the entries of the valid records before a torn tail, or refuses with {@link LogStateException};
 * it never fails otherwise, and a second recovery of the repaired file agrees with the first.
 */
class JournalFuzzTest {
    @FuzzTest
    void segment(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("journal-fuzz");
        try {
            byte[] file = new byte[Journal.HEADER_BYTES + data.length];
            System.arraycopy(JournalSegment.header(0), 0, file, 0, Journal.HEADER_BYTES);
            System.arraycopy(data, 0, file, Journal.HEADER_BYTES, data.length);
            Path segment = Journal.segmentPath(dir, 0);
            Files.write(segment, file);
            try {
                List<Bytes> first = recover(dir);
                assertThat(recover(dir)).isEqualTo(first);
            } catch (LogStateException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<Bytes> recover(Path dir) throws IOException {
        Journal.Recovered r = Journal.open(dir, 0, 1 << 20);
        r.journal().close();
        assertThat(r.end()).isEqualTo(r.tail().size());
        return new ArrayList<>(r.tail());
    }
}

package dev.virex.core.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.support.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WitnessFormatsTest {
    static Stream<String> requestErrors() {
        return Vectors.cases("witness", ".txt").filter(c -> c.startsWith("error_request_"));
    }

    static Stream<String> responseErrors() {
        return Vectors.cases("witness", ".txt").filter(c -> c.startsWith("error_response_"));
    }

    @Test
    void theSpecsExampleRequestParsesCanonically() throws Exception {
        byte[] body = Vectors.bytes("witness", "valid_request_tlog_witness_example.txt");
        AddCheckpointRequest r = AddCheckpointRequest.parse(body);
        assertThat(r.oldSize()).isEqualTo(20852014L);
        assertThat(r.proof()).hasSize(4);
        assertThat(r.proof().get(0).toBase64()).isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
        assertThat(new String(r.checkpoint().toArray(), StandardCharsets.UTF_8)).startsWith("example.com/behind-the-sofa\n20852163\n");
        assertThat(r.encode()).isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("requestErrors")
    void malformedRequestsAreRefused(String name) {
        byte[] body = Vectors.bytes("witness", name + ".txt");
        assertThatThrownBy(() -> AddCheckpointRequest.parse(body)).isInstanceOf(WitnessFormatException.class);
    }

    @Test
    void anOldSizeOfZeroWithoutProofRoundTrips() throws Exception {
        AddCheckpointRequest r = new AddCheckpointRequest(0, List.of(), Bytes.wrap("x\n\n— k AAAAAAA=\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(r.encode(), StandardCharsets.UTF_8)).startsWith("old 0\n\nx\n");
        assertThat(AddCheckpointRequest.parse(r.encode())).isEqualTo(r);
    }

    @Test
    void oversizeBodiesAndOutOfRangeSizesAreRefused() {
        assertThatThrownBy(() -> AddCheckpointRequest.parse(new byte[AddCheckpointRequest.MAX_BYTES + 1]))
                .isInstanceOf(WitnessFormatException.class).hasMessageContaining("limit");
        byte[] big = "old 9223372036854775808\n\nx\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> AddCheckpointRequest.parse(big)).isInstanceOf(WitnessFormatException.class);
    }

    @Test
    void theSpecsExampleResponseParsesToThreeCosignatures() throws Exception {
        byte[] body = Vectors.bytes("witness", "valid_response_tlog_witness_example.txt");
        List<NoteSignature> sigs = CosignatureLines.parse(body);
        assertThat(sigs).extracting(NoteSignature::name).containsExactly("witness.example/w1", "witness.example/w1", "witness.example/w2");
        assertThat(CosignatureLines.encode(sigs)).isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("responseErrors")
    void malformedResponsesAreRefused(String name) {
        byte[] body = Vectors.bytes("witness", name + ".txt");
        assertThatThrownBy(() -> CosignatureLines.parse(body)).isInstanceOf(WitnessFormatException.class);
    }

    @Test
    void theOriginHashIsLowercaseHexSha256() {
        // SHA-256("example.com/behind-the-sofa"), computed independently with sha256sum.
        assertThat(WitnessApi.originHash("example.com/behind-the-sofa")).matches("[0-9a-f]{64}")
                .isEqualTo(Bytes.wrap(sha256("example.com/behind-the-sofa")).toHex());
    }

    @Test
    void aConflictCarriesTheKnownSize() {
        assertThat(WitnessException.conflict(7, "x").knownSize()).hasValue(7);
        assertThat(new WitnessException(WitnessException.Kind.BAD_PROOF, "x").knownSize()).isEmpty();
        assertThatThrownBy(() -> new WitnessException(WitnessException.Kind.CONFLICT, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WitnessException.Kind.ofStatus(422)).contains(WitnessException.Kind.BAD_PROOF);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

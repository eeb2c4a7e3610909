package dev.virex.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.virex.core.Bytes;
import dev.virex.core.support.Vectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The inclusion and consistency vectors of transparency-dev/merkle, run through ProofVerifier. */
class MerkleVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> inclusion() {
        return Vectors.cases("merkle/inclusion", ".json");
    }

    static Stream<String> consistency() {
        return Vectors.cases("merkle/consistency", ".json");
    }

    private static JsonNode read(String dir, String name) throws Exception {
        JsonNode n = JSON.readTree(Vectors.bytes(dir, name + ".json"));
        // The file name states the outcome; it must agree with the vector's own wantErr.
        assertThat(n.path("wantErr").asBoolean()).as(name).isEqualTo(name.startsWith("error_"));
        assertThat(name).matches("(valid|error_invalid_proof)_.+");
        return n;
    }

    private static Bytes b64(JsonNode n) {
        return Bytes.wrap(Base64.getDecoder().decode(n.asText()));
    }

    private static List<Bytes> proof(JsonNode n) {
        List<Bytes> out = new ArrayList<>();
        n.forEach(p -> out.add(b64(p)));
        return out;
    }

    @ParameterizedTest
    @MethodSource("inclusion")
    void inclusionVector(String name) throws Exception {
        JsonNode v = read("merkle/inclusion", name);
        long index = v.path("leafIdx").asLong();
        long size = v.path("treeSize").asLong();
        Bytes leaf = b64(v.path("leafHash"));
        Bytes root = b64(v.path("root"));
        List<Bytes> path = proof(v.path("proof"));
        if (name.startsWith("valid_")) {
            ProofVerifier.verifyInclusion(index, size, leaf, path, root);
        } else {
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(index, size, leaf, path, root))
                    .isInstanceOf(ProofException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("consistency")
    void consistencyVector(String name) throws Exception {
        JsonNode v = read("merkle/consistency", name);
        long size1 = v.path("size1").asLong();
        long size2 = v.path("size2").asLong();
        Bytes root1 = b64(v.path("root1"));
        Bytes root2 = b64(v.path("root2"));
        List<Bytes> path = proof(v.path("proof"));
        if (name.startsWith("valid_")) {
            ProofVerifier.verifyConsistency(size1, size2, root1, root2, path);
        } else {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, path))
                    .isInstanceOf(ProofException.class);
        }
    }

    @Test
    void vectorsArePresent() {
        assertThat(inclusion().filter(n -> n.startsWith("valid_")).count()).isGreaterThanOrEqualTo(6);
        assertThat(consistency().filter(n -> n.startsWith("valid_")).count()).isGreaterThanOrEqualTo(6);
        assertThat(inclusion().count() + consistency().count()).isGreaterThan(190);
    }
}

package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.testkit.DeterministicRandom;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DeserializeElement and DeserializeScalar of RFC 9591 section 6.1 over the vector files. */
class GroupEncodingTest {
    static Stream<String> elements() {
        return Vectors.files("element");
    }

    static Stream<String> scalars() {
        return Vectors.files("scalar");
    }

    private static Bytes read(String dir, String file) {
        return Bytes.fromHex(Vectors.text(dir, file).strip());
    }

    @ParameterizedTest
    @MethodSource("elements")
    void elementVectors(String file) throws FrostException {
        Bytes in = read("element", file);
        if (file.startsWith("valid_")) {
            assertThat(Element.deserialize(in).serialize()).isEqualTo(in);
        } else {
            assertThat(file).startsWith("error_malformed_");
            assertThatThrownBy(() -> Element.deserialize(in))
                    .isInstanceOf(FrostException.class)
                    .satisfies(e -> assertThat(((FrostException) e).kind()).isEqualTo(FrostException.Kind.MALFORMED));
        }
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void scalarVectors(String file) throws FrostException {
        Bytes in = read("scalar", file);
        if (file.startsWith("valid_")) {
            assertThat(Scalar.deserialize(in).serialize()).isEqualTo(in);
        } else {
            assertThat(file).startsWith("error_malformed_");
            assertThatThrownBy(() -> Scalar.deserialize(in)).isInstanceOf(FrostException.class);
        }
    }

    @Test
    void theIdentityHasNoSerialization() {
        assertThatThrownBy(Element.IDENTITY::serialize).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void arithmeticAgreesWithItself() {
        SecureRandom r = new DeterministicRandom("arith");
        for (int i = 0; i < 5; i++) {
            Scalar a = Scalar.random(r);
            Scalar b = Scalar.random(r);
            assertThat(a.multiply(a.invert())).isEqualTo(Scalar.ONE);
            assertThat(Element.baseMultiply(a.add(b))).isEqualTo(Element.baseMultiply(a).add(Element.baseMultiply(b)));
            assertThat(Element.baseMultiply(a).multiply(b)).isEqualTo(Element.baseMultiply(a.multiply(b)));
            int k = 1 + i * 50;
            assertThat(Element.baseMultiply(a).multiplySmall(k)).isEqualTo(Element.baseMultiply(a.multiply(Scalar.of(k))));
            assertThat(Element.vartimeDoubleBase(a, Element.baseMultiply(b), b))
                    .isEqualTo(Element.baseMultiply(a.multiply(b).add(b)));
        }
        assertThatThrownBy(Scalar.ZERO::invert).isInstanceOf(ArithmeticException.class);
        assertThat(Scalar.of(7).negate().add(Scalar.of(7))).isEqualTo(Scalar.ZERO);
    }
}

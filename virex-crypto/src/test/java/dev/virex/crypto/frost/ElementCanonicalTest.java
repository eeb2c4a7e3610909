package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;

import cafe.cryptography.curve25519.CompressedEdwardsY;
import cafe.cryptography.curve25519.EdwardsPoint;
import cafe.cryptography.curve25519.InvalidEncodingException;
import dev.virex.testkit.DeterministicRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The byte-level canonical check agrees with decoding and re-encoding, on every edge case. */
class ElementCanonicalTest {
    /** The reference: decodes, and re-encoding gives back the input. */
    static boolean roundTrips(byte[] b) {
        try {
            EdwardsPoint p = new CompressedEdwardsY(b.clone()).decompress();
            return Arrays.equals(p.compress().toByteArray(), b);
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            return true; // not on the curve: refused either way, whatever canonical() says
        }
    }

    static byte[] y(long low, boolean high, boolean sign) {
        byte[] b = new byte[32];
        if (high) {
            Arrays.fill(b, (byte) 0xff);
            b[31] = 0x7f;
        }
        b[0] = (byte) low;
        if (sign) {
            b[31] |= (byte) 0x80;
        }
        return b;
    }

    @Test
    void edgeCasesAgreeWithTheRoundTrip() {
        for (boolean sign : new boolean[] {false, true}) {
            for (int low = 0xe0; low <= 0xff; low++) {
                byte[] b = y(low, true, sign); // y = 2^255 - 32 .. 2^255 - 1: p - 1 = ...ec, p = ...ed
                if (decodes(b)) {
                    assertThat(Element.canonical(b)).as("low %x sign %s", low, sign).isEqualTo(roundTrips(b));
                }
            }
            for (int low = 0; low < 4; low++) {
                byte[] b = y(low, false, sign); // y = 0 .. 3, including y = 1
                if (decodes(b)) {
                    assertThat(Element.canonical(b)).as("y %d sign %s", low, sign).isEqualTo(roundTrips(b));
                }
            }
        }
        // The two non-canonical cases the decoder lets through, spelled out.
        assertThat(Element.canonical(y(0xed, true, false))).isFalse();      // y = p
        assertThat(Element.canonical(y(0x01, false, true))).isFalse();      // (0, 1) with the sign of x set
        assertThat(Element.canonical(y(0xec, true, true))).isFalse();       // (0, -1) with the sign of x set
        assertThat(Element.canonical(y(0xec, true, false))).isTrue();       // y = p - 1
    }

    @Test
    void randomPointsAreCanonicalAndKeepTheirEncoding() throws FrostException {
        DeterministicRandom r = new DeterministicRandom("canonical");
        for (int i = 0; i < 50; i++) {
            Element e = Element.baseMultiply(Scalar.random(r));
            byte[] b = e.serialize().toArray();
            assertThat(Element.canonical(b)).isTrue();
            Element d = Element.decodeRfc8032(e.serialize());
            assertThat(d).isEqualTo(e);
            assertThat(d.serialize()).isEqualTo(e.serialize());
        }
    }

    static boolean decodes(byte[] b) {
        try {
            new CompressedEdwardsY(b.clone()).decompress();
            return true;
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            return false;
        }
    }
}

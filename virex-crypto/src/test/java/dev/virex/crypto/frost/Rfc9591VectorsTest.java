package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.virex.core.Bytes;
import dev.virex.core.note.SecretAccess;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 9591 Appendix E.1, FROST(Ed25519, SHA-512): every intermediate value of the published
 * vector, from the trusted dealer's shares (Appendix C) to the final signature, which the JDK's
 * Ed25519 verifier must accept.
 */
class Rfc9591VectorsTest {
    private static final String FILE = "valid_rfc9591_e1_frost_ed25519_sha512.json";
    private static JsonNode v;

    @BeforeAll
    static void load() throws Exception {
        v = new ObjectMapper().readTree(Vectors.bytes("frost", FILE));
        assertThat(v.at("/config/name").asText()).isEqualTo("FROST(Ed25519, SHA-512)");
    }

    static Bytes hex(JsonNode n) {
        return Bytes.fromHex(n.asText());
    }

    static Scalar scalar(JsonNode n) throws FrostException {
        return Scalar.deserialize(hex(n));
    }

    static Element element(JsonNode n) throws FrostException {
        return Element.deserialize(hex(n));
    }

    private static TrustedDealer.Dealt dealt() throws FrostException {
        List<Scalar> coeffs = new ArrayList<>();
        for (JsonNode c : v.at("/inputs/share_polynomial_coefficients")) {
            coeffs.add(scalar(c));
        }
        return TrustedDealer.keygen(scalar(v.at("/inputs/group_secret_key")), coeffs, v.at("/config/MAX_PARTICIPANTS").asInt());
    }

    @Test
    void trustedDealerSharesAndGroupKeyMatchAppendixC() throws Exception {
        TrustedDealer.Dealt d = dealt();
        assertThat(d.groupKey().serialize()).isEqualTo(hex(v.at("/inputs/group_public_key")));
        for (JsonNode p : v.at("/inputs/participant_shares")) {
            int id = p.get("identifier").asInt();
            assertThat(d.share(id).serialize()).as("share " + id).isEqualTo(hex(p.get("participant_share")));
            assertThat(Polynomials.vssVerify(Identifier.of(id), d.share(id), d.vssCommitment())).isTrue();
        }
        List<Identifier> ids = List.of(Identifier.of(1), Identifier.of(3));
        assertThat(Polynomials.interpolateConstant(ids, List.of(d.share(1), d.share(3))))
                .isEqualTo(scalar(v.at("/inputs/group_secret_key")));
    }

    @Test
    void roundsReproduceEveryPublishedValue() throws Exception {
        TrustedDealer.Dealt d = dealt();
        byte[] msg = hex(v.at("/inputs/message")).toArray();
        List<SigningNonces> nonces = new ArrayList<>();
        for (JsonNode r : v.at("/round_one_outputs/outputs")) {
            Identifier id = Identifier.of(r.get("identifier").asInt());
            Scalar secret = d.share(id.value());
            Scalar hiding = Ciphersuite.nonceGenerate(secret, hex(r.get("hiding_nonce_randomness")).toArray());
            Scalar binding = Ciphersuite.nonceGenerate(secret, hex(r.get("binding_nonce_randomness")).toArray());
            assertThat(hiding).isEqualTo(scalar(r.get("hiding_nonce")));
            assertThat(binding).isEqualTo(scalar(r.get("binding_nonce")));
            SigningNonces n = SigningNonces.of(id, hiding, binding, SecretAccess.grant());
            assertThat(n.commitment().hiding()).isEqualTo(element(r.get("hiding_nonce_commitment")));
            assertThat(n.commitment().binding()).isEqualTo(element(r.get("binding_nonce_commitment")));
            nonces.add(n);
        }
        SigningContext ctx = SigningContext.of(d.groupKey(), nonces.stream().map(SigningNonces::commitment).toList(), msg);
        for (JsonNode r : v.at("/round_one_outputs/outputs")) {
            Identifier id = Identifier.of(r.get("identifier").asInt());
            assertThat(ctx.bindingFactor(id)).as("binding factor " + id).isEqualTo(scalar(r.get("binding_factor")));
        }
        List<SignatureShare> shares = new ArrayList<>();
        for (JsonNode r : v.at("/round_two_outputs/outputs")) {
            Identifier id = Identifier.of(r.get("identifier").asInt());
            SigningNonces n = nonces.stream().filter(x -> x.commitment().id().equals(id)).findFirst().orElseThrow();
            SignatureShare share = ctx.sign(id, d.share(id.value()), n, SecretAccess.grant());
            assertThat(share.share()).as("share " + id).isEqualTo(scalar(r.get("sig_share")));
            assertThat(ctx.verifyShare(share, Element.baseMultiply(d.share(id.value())))).isTrue();
            shares.add(share);
        }
        Signature sig = ctx.aggregate(shares);
        assertThat(sig.encode()).isEqualTo(hex(v.at("/final_output/sig")));
        assertThat(sig.verify(d.groupKey(), msg)).isTrue();
        assertThat(JdkEd25519.verify(d.groupKey().serialize().toArray(), msg, sig.encode().toArray())).isTrue();
    }

    @Test
    void bindingFactorInputIsTheRfcLayout() throws Exception {
        // binding_factor_input = group key || H4(msg) || H5(encoded commitments) || identifier
        JsonNode r = v.at("/round_one_outputs/outputs/0");
        byte[] input = hex(r.get("binding_factor_input")).toArray();
        assertThat(Ciphersuite.h1(input)).isEqualTo(scalar(r.get("binding_factor")));
        assertThat(HexFormat.of().formatHex(input, 0, 32)).isEqualTo(v.at("/inputs/group_public_key").asText());
    }

    @Test
    void publishedSignatureVerifiesAndTamperingFails() throws Exception {
        Element pk = element(v.at("/inputs/group_public_key"));
        byte[] msg = hex(v.at("/inputs/message")).toArray();
        Bytes sig = hex(v.at("/final_output/sig"));
        assertThat(Signature.verify(pk, msg, sig)).isTrue();
        byte[] bad = sig.toArray();
        bad[40] ^= 1;
        assertThat(Signature.verify(pk, msg, Bytes.wrap(bad))).isFalse();
        assertThat(Signature.verify(pk, "tesT".getBytes(), sig)).isFalse();
        assertThat(JdkEd25519.verify(pk.serialize().toArray(), "tesT".getBytes(), sig.toArray())).isFalse();
    }
}

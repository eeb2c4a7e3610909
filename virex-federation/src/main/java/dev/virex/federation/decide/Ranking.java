package dev.virex.federation.decide;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

/**
 * Who coordinates a decision: members ordered by SHA-256(key || member name), lowest first, where
 * the key is the request ID's 32 bytes for a join and the UTF-8 of the subject otherwise. Every
 * member computes the same order; the k-th takes over after k takeover periods without a decision.
 */
public final class Ranking {
    private Ranking() {}

    public static List<String> of(byte[] key, List<String> members) {
        return members.stream().sorted(Comparator.comparing((String m) -> score(key, m))).toList();
    }

    public static List<String> of(String about, List<String> members) {
        byte[] key = about.startsWith("join:") ? Bytes.fromHex(about.substring(5)).toArray() : about.getBytes(StandardCharsets.UTF_8);
        return of(key, members);
    }

    static Bytes score(byte[] key, String member) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(member.getBytes(StandardCharsets.UTF_8));
            return Bytes.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

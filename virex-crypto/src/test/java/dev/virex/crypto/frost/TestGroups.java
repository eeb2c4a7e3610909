package dev.virex.crypto.frost;

import dev.virex.core.note.SecretAccess;
import dev.virex.testkit.DeterministicRandom;
import java.util.ArrayList;
import java.util.List;

/** Key shares for tests from the trusted dealer of RFC 9591 Appendix C (tests only). */
public final class TestGroups {
    public static final String GROUP_NAME = "federation.test.example";

    private TestGroups() {}

    public static String memberName(int i) {
        return "member" + i + ".test.example";
    }

    /** All N key shares of an M-of-N group, repeatable for a given label. */
    public static List<KeyShare> dealt(int m, int n, String label) {
        try {
            TrustedDealer.Dealt d = TrustedDealer.keygen(m, n, new DeterministicRandom("dealer:" + label));
            List<GroupKey.Member> members = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                members.add(new GroupKey.Member(Identifier.of(i), memberName(i), Element.baseMultiply(d.share(i))));
            }
            GroupKey group = GroupKey.of(GROUP_NAME, d.groupKey(), m, members);
            List<KeyShare> shares = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                shares.add(KeyShare.of(group, Identifier.of(i), d.share(i), SecretAccess.grant()));
            }
            return shares;
        } catch (FrostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.virex.federation.decide;

import dev.virex.federation.store.Records;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The votes on one proposal: who said yes, who said no, and the no-votes' reasons in member order. */
public record Tally(List<String> yes, List<String> no, List<String> reasons) {
    public static Tally of(List<Records.Vote> votes) {
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        LinkedHashSet<String> reasons = new LinkedHashSet<>();
        for (Records.Vote v : votes) {
            (v.yes() ? yes : no).add(v.member());
            if (!v.yes()) {
                reasons.addAll(v.reasons());
            }
        }
        return new Tally(List.copyOf(yes), List.copyOf(no), List.copyOf(reasons).subList(0, Math.min(16, reasons.size())));
    }

    public List<String> voted() {
        List<String> all = new ArrayList<>(yes);
        all.addAll(no);
        return all;
    }
}

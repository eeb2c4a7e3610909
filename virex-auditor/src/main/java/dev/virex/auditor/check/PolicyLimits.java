package dev.virex.auditor.check;

import dev.virex.auditor.config.Limits;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.pow.ParamsFormatException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks applied removals and parameter changes against the auditor's own limits: numeric bounds
 * per parameter, the largest factor one decision may change a numeric parameter by, a valid
 * abuse-prevention parameter set after every change, at most so many removals within a window,
 * and evidence cited by every removal. Breaking one is a violation.
 */
final class PolicyLimits {
    private final Limits limits;
    private final Map<String, String> decided = new HashMap<>();
    private final Optional<SlidingWindow> removals;

    PolicyLimits(Limits limits) {
        this.limits = limits;
        this.removals = limits.removals().map(SlidingWindow::new);
    }

    void check(long index, Decision d, Consumer<Finding> out) {
        switch (d) {
            case ParamsChanged pc -> params(index, pc, out);
            case NodeRemoved nr -> removal(index, nr, out);
            default -> { }
        }
    }

    private void params(long index, ParamsChanged pc, Consumer<Finding> out) {
        pc.params().forEach((key, value) -> {
            Optional<Long> v = number(value);
            Limits.Range r = limits.params().get(key);
            if (r != null && (v.isEmpty() || v.get() < r.min() || v.get() > r.max())) {
                out.accept(violation("param-out-of-bounds", "parameter " + key + " set to " + value + ", the auditor's bounds are "
                        + r.min() + " to " + r.max(), index));
            }
            Optional<Long> before = Optional.ofNullable(decided.get(key)).or(() -> DecidedParams.defaultValue(key)).flatMap(PolicyLimits::number);
            if (limits.maxChangeFactor() > 0 && v.isPresent() && before.isPresent() && tooLarge(before.get(), v.get())) {
                out.accept(violation("param-change-too-large", "parameter " + key + " changed from " + before.get() + " to " + v.get()
                        + ", more than a factor of " + limits.maxChangeFactor(), index));
            }
        });
        decided.putAll(pc.params());
        try {
            DecidedParams.of(decided);
        } catch (ParamsFormatException e) {
            out.accept(violation("params-invalid", "the decided abuse-prevention parameters are not a valid set: " + e.getMessage(), index));
        }
    }

    private boolean tooLarge(long before, long after) {
        BigInteger f = BigInteger.valueOf(limits.maxChangeFactor());
        BigInteger a = BigInteger.valueOf(Math.max(before, 1));
        BigInteger b = BigInteger.valueOf(Math.max(after, 1));
        return b.compareTo(a.multiply(f)) > 0 || a.compareTo(b.multiply(f)) > 0;
    }

    private void removal(long index, NodeRemoved nr, Consumer<Finding> out) {
        if (limits.removalEvidence() && nr.evidence().isEmpty()) {
            out.accept(violation("removal-without-evidence", "removal of " + nr.nodeId() + " cites no evidence", index));
        }
        removals.flatMap(w -> w.add("all", nr.time(), index)).ifPresent(idx -> out.accept(Finding.of("removal-burst",
                Finding.Severity.VIOLATION, idx.size() + " removals within " + OnboardingRules.human(limits.removals().get().within())
                        + " (limit: " + limits.removals().get().count() + ")", idx, List.of())));
    }


    private static Optional<Long> number(String s) {
        return s.matches("0|[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }

    private static Finding violation(String code, String subject, long index) {
        return Finding.of(code, Finding.Severity.VIOLATION, subject, List.of(index), List.of());
    }
}

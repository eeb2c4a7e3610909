package dev.virex.cli.demo;

import dev.virex.client.HttpMixnodeApi;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.RejectReason;
import dev.virex.core.pow.AbuseParams;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * Scenario step "flood": an attacker floods one mixnode with valid-PoW frames and ignores every
 * refusal, while the honest clients send to the same mixnode at a modest rate. The attacker gets
 * at most what the rate limit allows and then ever longer backoff; the honest clients keep being
 * accepted. Both acceptance figures are shown; the limit's bound and the honest share are checked.
 */
final class FloodStep {
    static final Duration FLOOD = Duration.ofSeconds(5);
    static final Duration HONEST_INTERVAL = Duration.ofMillis(600);
    static final double HONEST_MIN_PERCENT = 99.0;

    private FloodStep() {}

    static void run(DemoNetwork net, DemoOptions options, Narrator n) throws Exception {
        AdmittedNode target = Clients.mixnodesOf(net.watch).get(0);
        String name = Describe.shortName(target.id());
        PowInfo info = new HttpMixnodeApi(DifficultyStep.control(target)).powInfo();
        AbuseParams p = info.abuseParams();
        n.step("An attacker floods " + name + "; it gets backoff while the honest clients keep going",
                "Abuse Prevention 3 step 4, \"Rate limiting ensures clients cannot exceed allowed traffic volumes\"; 5, \"Prevents "
                        + "flooding even with valid PoW tokens\"; 7, \"Exponential backoff for clients exceeding limits\".");
        n.say(String.format(Locale.ROOT, "Limits in force (public, from the log): %d messages a minute per client, bursts of %d, "
                + "backoff from %s doubling up to %s.", p.ratePerMinute(), p.burst(), Describe.millis(p.backoffBase().toMillis() / 1e3),
                Describe.millis(p.backoffCap().toMillis() / 1e3)));
        n.say("For " + FLOOD.toSeconds() + " s the attacker (127.0.2.1) sends frames with valid PoW at effort " + info.effortFloor()
                + " as fast as it can and ignores every refusal; meanwhile " + Describe.count(options.clients(), "honest client")
                + " send to " + name + " every " + HONEST_INTERVAL.toMillis() + " ms each, obeying every refusal.");
        Tally honest = net.clients.focus(target, HONEST_INTERVAL);
        net.flooded = new DemoNetwork.Flooded(target.id(), java.time.Instant.now());
        Attacker attacker = Attacker.connect(new InetSocketAddress(target.info().address().ip(), target.info().address().port()), info);
        Tally bad;
        try {
            bad = attacker.flood(FLOOD);
        } finally {
            net.clients.unfocus();
            attacker.close();
        }
        n.say("attacker: " + bad.summary() + "; the last refusal told it to wait " + Describe.millis(attacker.longestWait().toMillis() / 1e3));
        n.say("honest clients: " + honest.summary());
        long bound = p.burst() + (long) Math.ceil(p.ratePerMinute() * (FLOOD.toMillis() + 1000) / 60_000.0);
        DemoFailure.check(bad.accepted() <= bound, "the attacker got " + bad.accepted() + " messages accepted, more than its limit "
                + "allows (" + bound + ")");
        DemoFailure.check(bad.refused(RejectReason.BACKOFF) > 0, "the attacker was never told to back off");
        DemoFailure.check(honest.sent() > 0 && honest.acceptedPercent() >= HONEST_MIN_PERCENT, String.format(Locale.ROOT,
                "only %.1f%% of the honest clients' messages were accepted during the flood (want at least %.0f%%)",
                honest.acceptedPercent(), HONEST_MIN_PERCENT));
        n.done(String.format(Locale.ROOT, "the attacker got %.1f%% of its frames in (at most its burst plus its rate: %d), then "
                + "backoff; honest clients %.1f%%", 100.0 * bad.accepted() / Math.max(1, bad.sent()), bound, honest.acceptedPercent()));
    }
}

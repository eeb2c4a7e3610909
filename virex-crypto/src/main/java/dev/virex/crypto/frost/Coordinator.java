package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives signing of one message by the members who approved it, with identifiable abort
 * (RFC 9591 section 5.4): when an attempt names members with bad shares (or the caller gives up
 * on unresponsive ones), {@link #retryWithout} starts a new attempt, with a new session and fresh
 * nonces, among the remaining approvers, as long as at least M remain. Pure: the caller moves the
 * messages and decides on timeouts.
 */
public final class Coordinator {
    private static final Logger log = LoggerFactory.getLogger(Coordinator.class);
    private final GroupKey group;
    private final Bytes message;
    private final SecureRandom random;
    private final Set<Identifier> remaining = new TreeSet<>();
    private final Set<String> excluded = new TreeSet<>();
    private SigningAttempt attempt;
    private int attempts;

    /**
     * @param approvers names of the members who approved the message (at least M)
     * @throws FrostException UNKNOWN_MEMBER for a name not in the group; NOT_ENOUGH_SIGNERS
     */
    public Coordinator(GroupKey group, byte[] message, Collection<String> approvers, SecureRandom random) throws FrostException {
        this.group = group;
        this.message = Bytes.of(message);
        this.random = random;
        if (message.length == 0 || message.length > SigningPackage.MAX_MESSAGE_BYTES) {
            throw FrostException.malformed("the message must be 1 to " + SigningPackage.MAX_MESSAGE_BYTES + " bytes");
        }
        for (String name : approvers) {
            remaining.add(group.member(name).id());
        }
        requireThreshold();
        next();
    }

    /** The current attempt. */
    public SigningAttempt attempt() {
        return attempt;
    }

    /** How many attempts have been started, counting the current one. */
    public int attempts() {
        return attempts;
    }

    /**
     * Starts a new attempt without {@code members} (names), e.g. those an attempt blamed for bad
     * shares, or that did not answer.
     *
     * @throws FrostException NOT_ENOUGH_SIGNERS naming the excluded members, when fewer than M remain
     */
    public SigningAttempt retryWithout(Collection<String> members) throws FrostException {
        for (String name : members) {
            remaining.remove(group.member(name).id());
            excluded.add(name);
        }
        requireThreshold();
        log.info("retrying signing for group {} without {}: {} of {} approving members remain", group.vkey().name(),
                members, remaining.size(), group.members().size());
        return next();
    }

    /** Names of the members excluded so far. */
    public List<String> excluded() {
        return List.copyOf(excluded);
    }

    private SigningAttempt next() {
        attempts++;
        attempt = new SigningAttempt(group, SessionId.random(random), message, remaining);
        return attempt;
    }

    private void requireThreshold() throws FrostException {
        if (remaining.size() < group.threshold()) {
            throw new FrostException(FrostException.Kind.NOT_ENOUGH_SIGNERS, remaining.size() + " approving members remain, the group needs "
                    + group.threshold() + (excluded.isEmpty() ? "" : "; excluded: " + String.join(", ", excluded)), List.copyOf(excluded));
        }
    }
}

package dev.virex.federation.dkg;

import java.util.List;

/** The DKG over HTTP did not produce a key share: the message says why and {@link #members()} names who. */
public final class DkgFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> members;

    public DkgFailure(String message, List<String> members) {
        super(message);
        this.members = List.copyOf(members);
    }

    /** The members the failure is about: missing, complained about, or found to have lied. */
    public List<String> members() {
        return members;
    }
}

package dev.virex.crypto.frost;

import dev.virex.core.Bytes;
import java.util.Optional;

/**
 * Where a signer keeps its round-one nonces until round two, so that each pair is used at most
 * once (RFC 9591 section 5.2: "MUST NOT use the nonce as input more than once to sign").
 *
 * <p>Contract, which a persistent implementation (the federation's database) must keep across
 * restarts: {@link #take} hands out the nonces of a session at most once, and records the session
 * as used before it returns them; {@link #put} refuses a session it has seen before. Safety rests
 * on the first rule: nonces are random, so forgetting a used session only allows fresh nonces,
 * never the old ones again. Unused nonces may be dropped at any time (a restart may lose them);
 * that session then cannot complete, which is safe.
 */
public interface NonceStore {
    /**
     * Keeps {@code nonces} for one session of one group.
     *
     * @throws FrostException NONCE_REUSED if the store already has, or had, nonces for the session
     */
    void put(Bytes groupId, SessionId session, SigningNonces nonces) throws FrostException;

    /**
     * Removes and returns the nonces of a session, marking it used; empty when there are none
     * (never committed, already used, or dropped).
     */
    Optional<SigningNonces> take(Bytes groupId, SessionId session);
}

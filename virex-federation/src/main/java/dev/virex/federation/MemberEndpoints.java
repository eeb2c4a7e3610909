package dev.virex.federation;

import dev.virex.federation.api.FederationApi;
import java.util.List;
import java.util.Map;

/**
 * What a member's HTTP server serves: the public API, the member-to-member and admin envelope
 * endpoints, health and the node list. {@link Member} implements it; {@link MemberServer} adapts
 * any implementation (tests wrap a member to misbehave on purpose).
 */
public interface MemberEndpoints {
    FederationApi api();

    /** {@code POST /member/<kind>}: an envelope from another member; the answer bytes. */
    byte[] memberCall(String kind, byte[] envelope);

    /** {@code POST /admin/<kind>}: an envelope signed by this member's own key. */
    byte[] adminCall(String kind, byte[] envelope);

    /** {@code GET /health}. */
    Map<String, Object> health();

    /** {@code GET /nodes}. */
    List<MemberServer.NodeView> nodes();
}

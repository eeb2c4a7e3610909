package dev.virex.federation.api;

/**
 * The federation's public API (docs/spec/federation.md, "Endpoints"), unauthenticated: node
 * operators submit join requests and follow them; nodes and clients fetch the directory. A member
 * implements it ({@code PublicService}), {@link HttpFederationClient} implements it over HTTP, and
 * the member's server adapts any implementation.
 */
public interface FederationApi {
    /** {@code POST /join}: a signed join request; 202 with its status once stored and forwarded. */
    JoinStatus submitJoin(byte[] signedRequest) throws FederationException;

    /** {@code GET /join/<id>}. */
    JoinStatus joinStatus(String requestId) throws FederationException;

    /** {@code GET /directory}. */
    DirectoryAnswer directory() throws FederationException;
}

package dev.virex.node.routing;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's open connections to peers, one per peer at most (today the reachability checks'
 * connections, kept open for forwarding; mix forwarding will use the same registry). A peer that
 * leaves the routing table has its connection closed at once.
 */
public final class PeerLinks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);
    private final Map<String, Socket> links = new ConcurrentHashMap<>();

    /** Keeps {@code socket} as the link to {@code peer}, closing the one it replaces. */
    public void put(String peer, Socket socket) {
        Socket old = links.put(peer, socket);
        if (old != null && old != socket) {
            closeQuietly(old);
        }
    }

    public boolean isOpen(String peer) {
        Socket s = links.get(peer);
        return s != null && !s.isClosed();
    }

    /** Closes the link to {@code peer}; whether there was one. */
    public boolean close(String peer) {
        Socket s = links.remove(peer);
        if (s == null) {
            return false;
        }
        closeQuietly(s);
        return true;
    }

    /** Closes every link to a peer not in {@code keep}. */
    public int retainOnly(Set<String> keep) {
        int n = 0;
        for (String peer : Set.copyOf(links.keySet())) {
            if (!keep.contains(peer) && close(peer)) {
                n++;
            }
        }
        return n;
    }

    public int size() {
        return links.size();
    }

    @Override
    public void close() {
        for (String peer : Set.copyOf(links.keySet())) {
            close(peer);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            log.debug("closing a peer link: {}", e.toString());
        }
    }
}

package dev.virex.node.gate;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Turns a connection's client identity into the rate limiter's key: SipHash-2-4 under a random
 * key drawn for each epoch and never written anywhere. Limiter state is thus unlinkable across
 * epochs, and a dump of the table holds no addresses. The identity is the IPv4 address, or the
 * /64 prefix of an IPv6 address (one subscriber usually holds a whole /64).
 */
public final class ClientKeys {
    private record State(long epoch, KeyParameter key) {}

    private final SecureRandom random;
    private volatile State state;

    public ClientKeys(SecureRandom random) {
        this.random = random;
        this.state = new State(-1, fresh(random));
    }

    /** The identity bytes of an address: 4 for IPv4, the first 8 for IPv6. */
    public static byte[] identity(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address) {
            return java.util.Arrays.copyOf(a, 8);
        }
        if (address instanceof Inet4Address) {
            return a;
        }
        throw new IllegalArgumentException("unknown address family");
    }

    /**
     * Draws a new secret when {@code epoch} differs from the current one; answers whether it did,
     * so that the caller clears the limiter.
     */
    public synchronized boolean rotate(long epoch) {
        if (state.epoch() == epoch) {
            return false;
        }
        state = new State(epoch, fresh(random));
        return true;
    }

    public long epoch() {
        return state.epoch();
    }

    public long keyOf(byte[] identity) {
        SipHash mac = new SipHash(2, 4);
        mac.init(state.key());
        mac.update(identity, 0, identity.length);
        return mac.doFinal();
    }

    private static KeyParameter fresh(SecureRandom random) {
        byte[] k = new byte[16];
        random.nextBytes(k);
        return new KeyParameter(k);
    }
}

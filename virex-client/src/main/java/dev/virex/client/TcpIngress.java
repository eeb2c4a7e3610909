package dev.virex.client;

import dev.virex.core.ingress.FrameException;
import dev.virex.core.ingress.Ingress;
import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.core.pow.PowSolution;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * A TCP connection to a mixnode's packet port: fixed-size frames out, fixed-size replies in.
 * {@link #submit} waits for the reply with the frame's nonce; {@link #send} and {@link #receive}
 * pipeline. Replies may come back in another order than the frames went out (the mixnode serves
 * higher effort first).
 */
public final class TcpIngress implements Ingress, AutoCloseable {
    /** Replies to other frames skipped while waiting for one, at most. */
    static final int MAX_SKIPPED = 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpIngress(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code mixnode}, from {@code local} when given (the address the mixnode will see,
     * e.g. 127.0.0.2 in loopback tests), with a read timeout.
     */
    public static TcpIngress connect(InetSocketAddress mixnode, InetAddress local, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            if (local != null) {
                s.bind(new InetSocketAddress(local, 0));
            }
            s.connect(mixnode, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new TcpIngress(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public synchronized ReplyFrame submit(byte[] frame) throws IOException {
        send(frame);
        byte[] nonce = Arrays.copyOfRange(frame, SubmitFrame.OFF_POW + PowSolution.OFF_NONCE,
                SubmitFrame.OFF_POW + PowSolution.OFF_NONCE + 16);
        for (int i = 0; i <= MAX_SKIPPED; i++) {
            ReplyFrame r = receive();
            if (Arrays.equals(r.nonce().toArray(), nonce)) {
                return r;
            }
        }
        throw new IOException("no reply for the submitted frame after " + MAX_SKIPPED + " others");
    }

    public void send(byte[] frame) throws IOException {
        if (frame.length != SubmitFrame.BYTES) {
            throw new IllegalArgumentException("a submit frame is " + SubmitFrame.BYTES + " bytes");
        }
        out.write(frame);
        out.flush();
    }

    public ReplyFrame receive() throws IOException {
        byte[] r = in.readNBytes(ReplyFrame.BYTES);
        if (r.length != ReplyFrame.BYTES) {
            throw new IOException("mixnode closed the connection");
        }
        try {
            return ReplyFrame.decode(r);
        } catch (FrameException e) {
            throw new IOException("mixnode sent a bad reply: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

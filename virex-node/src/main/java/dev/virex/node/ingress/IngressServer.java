package dev.virex.node.ingress;

import dev.virex.core.ingress.ReplyFrame;
import dev.virex.core.ingress.SubmitFrame;
import dev.virex.node.gate.ClientKeys;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixnode's packet port (Netty): a TCP stream of fixed-size submit frames in, fixed-size
 * reply frames out, in completion order (clients match replies by nonce). The client identity is
 * taken from the connection's remote address and handed to the service; it is never logged. Each
 * connection may have at most {@link #MAX_IN_FLIGHT} frames awaiting replies; beyond that the
 * server stops reading it, so a client that does not read cannot grow the server's memory.
 */
public final class IngressServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngressServer.class);
    public static final int MAX_IN_FLIGHT = 256;
    public static final int IDLE_SECONDS = 300;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private IngressServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    public static IngressServer start(InetSocketAddress bind, IngressService service, int ioThreads) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                                    new FixedLengthFrameDecoder(SubmitFrame.BYTES),
                                    new Handler(service));
                        }
                    })
                    .bind(bind).syncUninterruptibly().channel();
            log.info("mixnode packet port listening on {}", ch.localAddress());
            return new IngressServer(boss, workers, ch);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("mixnode packet port closed");
    }

    /** One per connection: frames to the service, replies back, bounded in-flight count. */
    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final IngressService service;
        private byte[] identity;
        private int inFlight;

        Handler(IngressService service) {
            this.service = service;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            identity = ClientKeys.identity(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            byte[] frame = new byte[SubmitFrame.BYTES];
            try {
                buf.readBytes(frame);
            } finally {
                buf.release();
            }
            if (++inFlight >= MAX_IN_FLIGHT) {
                ctx.channel().config().setAutoRead(false);
            }
            service.submit(frame, identity).whenComplete((reply, err) -> ctx.executor().execute(() -> answer(ctx, reply)));
        }

        private void answer(ChannelHandlerContext ctx, ReplyFrame reply) {
            if (reply != null && ctx.channel().isActive()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(reply.encode()));
            }
            if (--inFlight < MAX_IN_FLIGHT / 2 && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("ingress connection closed after an error: {}", cause.toString());
            ctx.close();
        }
    }
}

package dev.virex.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sends the roles' logs to a file in the demo directory instead of the console, so that the
 * console carries only the narrative; keeps the last WARN and ERROR lines to show when the demo
 * fails. {@link #close} puts the console back.
 */
final class DemoLog implements AutoCloseable {
    static final String FILE = "virex-demo.log";
    static final int KEPT = 12;

    private final Path file;
    private final Logger root;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final FileAppender<ILoggingEvent> appender;
    private final Recent recent;

    private DemoLog(Path file, Logger root, FileAppender<ILoggingEvent> appender, Recent recent) {
        this.file = file;
        this.root = root;
        this.appender = appender;
        this.recent = recent;
    }

    /** Redirects logging to {@code dir/virex-demo.log}; without logback, logs stay where they were. */
    static DemoLog toFile(Path dir) {
        Path file = dir.resolve(FILE);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return new DemoLog(file, null, null, null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("virex-demo-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Recent recent = new Recent();
        recent.setContext(ctx);
        recent.start();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        DemoLog log = new DemoLog(file, root, appender, recent);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            log.detached.add(it.next());
        }
        log.detached.forEach(root::detachAppender);
        root.addAppender(appender);
        root.addAppender(recent);
        return log;
    }

    Path file() {
        return file;
    }

    /** The last WARN and ERROR lines, oldest first. */
    List<String> recentProblems() {
        return recent == null ? List.of() : recent.lines();
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        root.detachAppender(appender);
        root.detachAppender(recent);
        detached.forEach(root::addAppender);
        appender.stop();
        recent.stop();
    }

    /** Keeps the last {@link #KEPT} events at WARN or above, one line each. */
    static final class Recent extends AppenderBase<ILoggingEvent> {
        private final Deque<String> lines = new ArrayDeque<>();

        @Override
        protected synchronized void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                String msg = e.getFormattedMessage().lines().findFirst().orElse("");
                lines.addLast(e.getLevel() + " " + e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1) + ": " + msg);
                while (lines.size() > KEPT) {
                    lines.removeFirst();
                }
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}

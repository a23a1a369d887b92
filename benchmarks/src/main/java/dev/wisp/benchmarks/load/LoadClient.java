package dev.wisp.benchmarks.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens and registers many {@link LoadUa}s against one loopback target. It stops by itself: after
 * {@code limit} every connection is closed and the user agents fail fast, however long JMH was
 * told to run.
 */
final class LoadClient implements AutoCloseable {

    /** Connections opened or REGISTERs in flight at once while setting up. */
    private static final int SETUP_CONCURRENCY = 128;

    private final URI target;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<LoadUa> uas = new ArrayList<>();
    private final AtomicBoolean expired = new AtomicBoolean();

    LoadClient(String target, Duration limit) {
        this.target = LoopbackTarget.of(target);
        group.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens {@code count} connections, one user agent each, named {@code prefix0, prefix1, ...}. */
    List<LoadUa> open(int count, String prefix, String domain) throws Exception {
        List<LoadUa> opened = new ArrayList<>(count);
        List<CompletableFuture<SipConnection>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LoadUa ua = new LoadUa(prefix + i, domain);
            opened.add(ua);
            batch.add(SipConnection.open(group, target, ua::receive).thenApply(connection -> {
                ua.attach(connection);
                return connection;
            }));
            if (batch.size() == SETUP_CONCURRENCY || i == count - 1) {
                for (CompletableFuture<SipConnection> connecting : batch) {
                    connecting.get(LoadUa.TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
                batch.clear();
            }
        }
        synchronized (uas) {
            uas.addAll(opened);
        }
        return opened;
    }

    /** Registers every user agent; any answer but 200 fails the setup. */
    void registerAll(List<LoadUa> toRegister, int expires) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_CONCURRENCY);
        try {
            List<Future<SipText>> registering = new ArrayList<>();
            for (LoadUa ua : toRegister) {
                registering.add(pool.submit(() -> ua.register(expires)));
            }
            for (int i = 0; i < registering.size(); i++) {
                Outcomes.expect(registering.get(i).get(), 200, "REGISTER of " + toRegister.get(i).user);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        synchronized (uas) {
            for (LoadUa ua : uas) {
                if (ua.connection() != null) {
                    closing.add(ua.connection().close());
                }
            }
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(timeout -> null).join();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void expire() {
        expired.set(true);
        synchronized (uas) {
            uas.forEach(ua -> {
                if (ua.connection() != null) {
                    ua.connection().close();
                }
            });
        }
    }
}

package dev.wisp.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Many idle registered connections at once: opens {@code connections} of them, registers each,
 * and reads the server's memory before and after (give {@code serverPid}): per connection,
 * resident memory and, for a JVM server, heap after a full GC. The measured operation is a call
 * between the first and the last of them, which must still succeed.
 *
 * <p>One process may hold 20000 open files here, so {@code connections} tops out near 19000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ConnectionScaleBenchmark {

    @Param("ws://127.0.0.1:8080")
    public String target;

    @Param("1000")
    public int connections;

    @Param("example.test")
    public String domain;

    /** The server's process id, to read its memory; 0 to skip memory. */
    @Param("0")
    public long serverPid;

    /** A file the memory figures are appended to as one line of JSON; empty for none. */
    @Param("")
    public String report;

    @Param("15")
    public int limitMinutes;

    private LoadClient client;
    private List<LoadUa> uas;

    @Setup(Level.Trial)
    public void connectAll() throws Exception {
        client = new LoadClient(target, Duration.ofMinutes(limitMinutes));
        ServerMemory.Snapshot before = serverPid > 0 ? ServerMemory.of(serverPid) : null;
        uas = client.open(connections, "idle", domain);
        client.registerAll(uas, 3600);
        if (before != null) {
            record(before, ServerMemory.of(serverPid));
        }
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        client.close();
    }

    @Benchmark
    public SipText callBetweenTwoOfThem() throws Exception {
        LoadUa.Dialog dialog = uas.get(0).invite(uas.get(uas.size() - 1).user);
        Outcomes.expect(dialog.answer, 200, "INVITE across " + connections + " connections");
        return Outcomes.expect(dialog.hangUp(), 200, "BYE");
    }

    private void record(ServerMemory.Snapshot before, ServerMemory.Snapshot after) throws IOException {
        double pssBytes = (after.pssKiB() - before.pssKiB()) * 1024.0 / connections;
        double rssBytes = (after.rssKiB() - before.rssKiB()) * 1024.0 / connections;
        double heapBytes = before.heapKiB() < 0 ? -1 : (after.heapKiB() - before.heapKiB()) * 1024.0 / connections;
        String line = String.format(java.util.Locale.ROOT,
                "{\"target\":\"%s\",\"connections\":%d,\"pssKiBBefore\":%d,\"pssKiBAfter\":%d,\"rssKiBBefore\":%d,"
                        + "\"rssKiBAfter\":%d,\"heapKiBBefore\":%d,\"heapKiBAfter\":%d,\"pssBytesPerConnection\":%.0f,"
                        + "\"rssBytesPerConnection\":%.0f,\"heapBytesPerConnection\":%.0f}",
                target, connections, before.pssKiB(), after.pssKiB(), before.rssKiB(), after.rssKiB(),
                before.heapKiB(), after.heapKiB(), pssBytes, rssBytes, heapBytes);
        System.out.println("MEMORY " + line);
        if (!report.isEmpty()) {
            Files.writeString(Path.of(report), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}

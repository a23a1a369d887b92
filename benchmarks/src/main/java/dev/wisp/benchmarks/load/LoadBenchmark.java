package dev.wisp.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load on a running SIP-over-WebSocket server (wisp, Kamailio, anything speaking RFC 7118):
 * {@code users} browser-like user agents, each on its own connection, all registered; every JMH
 * thread drives a caller and a callee of its own.
 *
 * <pre>
 *   register    a re-REGISTER, until its 200
 *   message     a MESSAGE, until its 200
 *   call        INVITE with SDP, 200, ACK, BYE, until the BYE's 200
 *   callSetup   INVITE with SDP until its 200 (the ACK and BYE come after, unmeasured)
 * </pre>
 *
 * Run: {@code java -jar benchmarks.jar LoadBenchmark -p target=ws://127.0.0.1:8080 -t 16}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(16)
public class LoadBenchmark {

    /** The server under test and its registered user agents. */
    @State(Scope.Benchmark)
    public static class Server {
        /** A ws:// URL on loopback. */
        @Param("ws://127.0.0.1:8080")
        public String target;

        /** User agents (connections) opened and registered; at least two per thread. */
        @Param("64")
        public int users;

        @Param("example.test")
        public String domain;

        /** After this long the harness closes every connection, whatever JMH was told. */
        @Param("15")
        public int limitMinutes;

        LoadClient client;
        List<LoadUa> uas;
        final AtomicInteger nextPair = new AtomicInteger();

        @Setup(Level.Trial)
        public void connect() throws Exception {
            client = new LoadClient(target, Duration.ofMinutes(limitMinutes));
            uas = client.open(users, "load", domain);
            client.registerAll(uas, 3600);
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            client.close();
        }
    }

    /** The caller and callee one JMH thread uses. */
    @State(Scope.Thread)
    public static class Pair {
        LoadUa caller;
        LoadUa callee;

        @Setup(Level.Trial)
        public void take(Server server) {
            int index = server.nextPair.getAndIncrement();
            if (2 * index + 1 >= server.uas.size()) {
                throw new IllegalStateException("users: " + server.users + " (expected: at least 2 per thread)");
            }
            caller = server.uas.get(2 * index);
            callee = server.uas.get(2 * index + 1);
        }
    }

    /** A call set up by {@link #callSetup}, hung up after the measured part. */
    @State(Scope.Thread)
    public static class Answered {
        LoadUa.Dialog dialog;

        @TearDown(Level.Invocation)
        public void hangUp() throws Exception {
            if (dialog != null && dialog.established()) {
                Outcomes.expect(dialog.hangUp(), 200, "BYE");
            }
            dialog = null;
        }
    }

    @Benchmark
    public SipText register(Pair pair) throws Exception {
        return Outcomes.expect(pair.caller.register(3600), 200, "REGISTER");
    }

    @Benchmark
    public SipText message(Pair pair) throws Exception {
        return Outcomes.expect(pair.caller.message(pair.callee.user), 200, "MESSAGE");
    }

    @Benchmark
    public SipText call(Pair pair) throws Exception {
        LoadUa.Dialog dialog = pair.caller.invite(pair.callee.user);
        Outcomes.expect(dialog.answer, 200, "INVITE");
        return Outcomes.expect(dialog.hangUp(), 200, "BYE");
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SipText callSetup(Pair pair, Answered answered) throws Exception {
        answered.dialog = pair.caller.invite(pair.callee.user);
        return Outcomes.expect(answered.dialog.answer, 200, "INVITE");
    }
}

package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.sip.SipEncoding;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding what wisp sends back to bytes: the forwarded INVITE and 200, a REGISTER's 200. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodeBenchmark {

    @Param({"invite", "ok200", "register-ok"})
    public String kind;

    private SIPMessage message;

    @Setup
    public void prepare() {
        RoutingScenario scenario = new RoutingScenario();
        message = switch (kind) {
            case "invite" -> scenario.forward(scenario.invite, scenario.alice).message();
            case "ok200" -> scenario.forward(scenario.ok200, scenario.bob).message();
            case "register-ok" -> scenario.registrar.register(
                    (gov.nist.javax.sip.message.SIPRequest) Messages.parse(Messages.bytes("register")), scenario.alice.id());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Benchmark
    public byte[] encode() {
        return SipEncoding.toBytes(message);
    }
}

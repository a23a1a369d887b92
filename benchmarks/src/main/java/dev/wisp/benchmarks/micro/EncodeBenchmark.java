package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.sip.SipEncoding;
import gov.nist.javax.sip.message.SIPMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Encoding what wisp sends back to bytes: the forwarded INVITE and 200, a REGISTER's 200. */
public class EncodeBenchmark extends MicroBenchmark {

    @Param({"invite", "ok200", "register-ok"})
    public String kind;

    private SIPMessage message;

    @Setup
    public void prepare() {
        RoutingScenario scenario = new RoutingScenario();
        message = switch (kind) {
            case "invite" -> scenario.forward(scenario.invite, scenario.alice).message();
            case "ok200" -> scenario.forward(scenario.ok200, scenario.bob).message();
            case "register-ok" -> scenario.registrar.register(Messages.request("register"), scenario.alice.id());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Benchmark
    public byte[] encode() {
        return SipEncoding.toBytes(message);
    }
}

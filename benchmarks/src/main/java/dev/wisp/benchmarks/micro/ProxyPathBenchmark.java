package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.core.Action;
import dev.wisp.proxy.sip.SipEncoding;
import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * All the work wisp does for one proxied message apart from socket I/O: parse the bytes, route,
 * and (for {@code mode = full}) encode what goes out. {@code parse-route} of the INVITE is the
 * figure the 20 µs target is about.
 */
public class ProxyPathBenchmark extends MicroBenchmark {

    @Param({"invite", "ok200", "bye"})
    public String kind;

    @Param({"parse-route", "full"})
    public String mode;

    private final SipParser parser = new SipParser();
    private RoutingScenario scenario;
    private byte[] bytes;

    @Setup
    public void prepare() {
        scenario = new RoutingScenario();
        bytes = switch (kind) {
            case "invite" -> SipEncoding.toBytes(scenario.invite);
            case "ok200" -> SipEncoding.toBytes(scenario.ok200);
            case "bye" -> SipEncoding.toBytes(scenario.bye);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Benchmark
    public Object handle() throws SipParseException {
        Action.Forward forward = scenario.forward(parser.parse(bytes), kind.equals("ok200") ? scenario.bob : scenario.alice);
        return mode.equals("full") ? SipEncoding.toBytes(forward.message()) : forward;
    }
}

package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.core.Action;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The proxy core deciding what to do with an already parsed message: an initial INVITE (location
 * lookup, Record-Route, Via), its 200 (Via pop, flow by received/rport), an ACK and a BYE
 * following the Route set, and a REGISTER refreshing a binding through the registrar.
 */
public class RouteBenchmark extends MicroBenchmark {

    /** REGISTERs cycled through, each with its own Call-ID, so every one updates the binding. */
    private static final int REGISTERS = 1024;

    @Param({"invite", "ok200", "ack", "bye", "register"})
    public String kind;

    private RoutingScenario scenario;
    private SIPMessage message;
    private SIPRequest[] registers;
    private int next;

    @Setup
    public void prepare() {
        scenario = new RoutingScenario();
        message = switch (kind) {
            case "invite" -> scenario.invite;
            case "ok200" -> scenario.ok200;
            case "ack" -> scenario.ack;
            case "bye" -> scenario.bye;
            default -> null;
        };
        registers = new SIPRequest[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) {
            registers[i] = Messages.request("register", Map.of("9s1e3tlu1kdk3dvmi8cvrt", "call-" + i));
        }
    }

    @Benchmark
    public Object route() {
        if (message != null) {
            return scenario.route(message, message == scenario.ok200 ? scenario.bob : scenario.alice);
        }
        SIPRequest register = registers[next++ & (REGISTERS - 1)];
        List<Action> actions = scenario.route(register, scenario.alice);
        return scenario.registrar.register(((Action.Register) actions.get(0)).request(), scenario.alice.id());
    }
}

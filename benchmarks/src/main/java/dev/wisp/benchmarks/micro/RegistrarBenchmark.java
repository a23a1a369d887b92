package dev.wisp.benchmarks.micro;

import dev.wisp.registrar.Binding;
import dev.wisp.registrar.FlowId;
import dev.wisp.registrar.InMemoryLocationStore;
import dev.wisp.registrar.Registrar;
import dev.wisp.registrar.RegistrarConfig;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The registrar with many users: saving a REGISTER (a refresh that replaces a binding) and
 * looking an address-of-record up, in a store of 10k or 100k bindings.
 */
public class RegistrarBenchmark extends MicroBenchmark {

    private static final int REGISTERS = 1024;

    @Param({"10000", "100000"})
    public int bindings;

    private Registrar registrar;
    private InMemoryLocationStore store;
    private SIPRequest[] refreshes;
    private String[] aors;
    private int next;

    @Setup
    public void fill() {
        store = new InMemoryLocationStore();
        registrar = new Registrar(RegistrarConfig.DEFAULTS, store, Clock.systemUTC());
        aors = new String[bindings];
        for (int i = 0; i < bindings; i++) {
            registrar.register(user(i, "first"), new FlowId(i + 1));
            aors[i] = "user" + i + "@example.test";
        }
        refreshes = new SIPRequest[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) {
            refreshes[i] = user((int) ((long) i * bindings / REGISTERS), "refresh-" + i);
        }
    }

    @Benchmark
    public SIPResponse save() {
        int i = next++ & (REGISTERS - 1);
        return registrar.register(refreshes[i], new FlowId(i + 1));
    }

    @Benchmark
    public List<Binding> lookup() {
        return store.bindings(aors[next++ % bindings]);
    }

    /** User i's REGISTER with its own Call-ID: a new Call-ID always updates the binding. */
    private static SIPRequest user(int i, String callId) {
        return Messages.request("register", Map.of("alice@", "user" + i + "@", "9s1e3tlu1kdk3dvmi8cvrt", callId));
    }
}

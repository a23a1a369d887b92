package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
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

/** Parsing one WebSocket message's bytes into a JAIN-SIP message, framing and checks included. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    @Param({"register", "invite", "ok200", "bye"})
    public String kind;

    private final SipParser parser = new SipParser();
    private byte[] bytes;

    @Setup
    public void load() {
        bytes = Messages.bytes(kind);
    }

    @Benchmark
    public SIPMessage parse() throws SipParseException {
        return parser.parse(bytes);
    }
}

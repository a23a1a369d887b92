package dev.wisp.benchmarks.micro;

import dev.wisp.proxy.sip.SipParseException;
import dev.wisp.proxy.sip.SipParser;
import gov.nist.javax.sip.message.SIPMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Parsing one WebSocket message's bytes into a JAIN-SIP message, framing and checks included. */
public class ParseBenchmark extends MicroBenchmark {

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

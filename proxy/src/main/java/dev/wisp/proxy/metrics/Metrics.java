package dev.wisp.proxy.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Every counter wisp keeps, declared in one place, and the gauges read from live state. Served
 * at {@code /metrics} in the Prometheus text format.
 */
public final class Metrics {

    /** The counters, each with its exported name and help text. */
    public enum Counter {
        CONNECTIONS_ACCEPTED("wisp_connections_accepted_total", "TCP connections accepted by the HTTP/WebSocket listeners."),
        CONNECTIONS_REFUSED("wisp_connections_refused_total", "Connections closed at once because their address had too many open."),
        WS_HANDSHAKES("wisp_ws_handshakes_total", "WebSocket upgrades completed with subprotocol sip."),
        WS_HANDSHAKES_REFUSED("wisp_ws_handshakes_refused_total", "WebSocket upgrades refused: no sip subprotocol, wrong version or Origin."),
        WS_CLOSED_BY_ERROR("wisp_ws_closed_by_error_total", "WebSocket connections closed for a protocol error, an oversize or non-UTF-8 message."),
        WS_DEAD("wisp_ws_dead_total", "WebSocket connections closed because they stopped answering pings."),
        SIP_RECEIVED("wisp_sip_received_total", "SIP messages received and parsed."),
        SIP_KEEPALIVES("wisp_sip_keepalives_total", "CRLF keepalives answered (RFC 5626 section 3.5.1)."),
        SIP_MALFORMED_ANSWERED("wisp_sip_malformed_answered_total", "Malformed requests answered with an error response."),
        SIP_MALFORMED_DROPPED("wisp_sip_malformed_dropped_total", "Malformed messages dropped because no response could be formed."),
        SIP_FORWARDED("wisp_sip_forwarded_total", "SIP messages forwarded to another flow."),
        SIP_REPLIED("wisp_sip_replied_total", "Responses wisp generated itself, registrar answers included."),
        SIP_DROPPED("wisp_sip_dropped_total", "Well-formed SIP messages dropped by routing: stray responses, ACKs that end here, closed flows."),
        SIP_INTERNAL_ERRORS("wisp_sip_internal_errors_total", "Messages whose handling failed inside wisp (answered 500 where possible).");

        private final String metricName;
        private final String help;

        Counter(String metricName, String help) {
            this.metricName = metricName;
            this.help = help;
        }
    }

    private record Gauge(String name, String help, LongSupplier value) {
    }

    private final Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
    private final List<Gauge> gauges = new ArrayList<>();

    public Metrics() {
        for (Counter counter : Counter.values()) {
            counters.put(counter, new LongAdder());
        }
    }

    public void increment(Counter counter) {
        counters.get(counter).increment();
    }

    public long count(Counter counter) {
        return counters.get(counter).sum();
    }

    /** Registers a value read at every scrape. Call during start-up, before scrapes begin. */
    public synchronized void gauge(String name, String help, LongSupplier value) {
        gauges.add(new Gauge(name, help, value));
    }

    public synchronized String prometheusText() {
        StringBuilder text = new StringBuilder(4096);
        for (Counter counter : Counter.values()) {
            append(text, counter.metricName, counter.help, "counter", count(counter));
        }
        for (Gauge gauge : gauges) {
            append(text, gauge.name, gauge.help, "gauge", gauge.value.getAsLong());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String help, String type, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        text.append(name).append(' ').append(value).append('\n');
    }
}

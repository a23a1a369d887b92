package dev.wisp.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user agent as a browser runs one: a {@code .invalid} Via host and Contact, one WebSocket
 * connection. As caller it registers, sends MESSAGEs and places calls (INVITE with a DataChannel
 * SDP, ACK, BYE); as callee it answers INVITE with 200 and an SDP answer, and BYE, MESSAGE,
 * OPTIONS with 200. Every outgoing request waits, with a deadline, for its final response: a
 * failure is an error, never a fast operation.
 */
final class LoadUa {

    static final long TIMEOUT_MS = 10_000;
    private static final AtomicLong IDS = new AtomicLong();
    /**
     * Distinguishes this run's user agents from an earlier run's, whose bindings a server may still
     * hold (Kamailio drops a closed connection's bindings only when a lookup meets them): a new
     * REGISTER must never look like an old one's retransmission.
     */
    private static final String RUN = Long.toString(System.nanoTime() & 0xffffffffL, 36);

    final String user;
    private final String domain;
    private final String host = RUN + "-" + IDS.incrementAndGet() + ".invalid";
    private final String contact;
    private final String registerCallId;
    private final AtomicLong cseq = new AtomicLong();
    private final Map<String, CompletableFuture<SipText>> pending = new ConcurrentHashMap<>();
    private SipConnection connection;

    LoadUa(String user, String domain) {
        this.user = user;
        this.domain = domain;
        this.contact = "<sip:" + user + "@" + host + ";transport=ws>";
        this.registerCallId = "reg-" + host;
    }

    void attach(SipConnection connection) {
        this.connection = connection;
    }

    SipConnection connection() {
        return connection;
    }

    /** Everything the connection receives comes here. */
    void receive(SipText message) {
        if (message.isResponse()) {
            if (message.status() >= 200) {
                CompletableFuture<SipText> waiting = pending.remove(message.topBranch());
                if (waiting != null) {
                    waiting.complete(message);
                }
            }
            return;
        }
        switch (message.method()) {
            case "ACK" -> { }
            case "INVITE" -> connection.send(answer(message, 200, "OK", true));
            default -> connection.send(answer(message, 200, "OK", false));
        }
    }

    /** REGISTER (or refresh) with {@code expires}; returns the final response. */
    SipText register(int expires) throws Exception {
        String branch = branch();
        String request = "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + via(branch)
                + "Max-Forwards: 69\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=" + host + "\r\n"
                + "Call-ID: " + registerCallId + "\r\n"
                + "CSeq: " + cseq.incrementAndGet() + " REGISTER\r\n"
                + "Contact: " + contact + ";expires=" + expires + "\r\n"
                + "Expires: " + expires + "\r\n"
                + "Allow: INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY\r\n"
                + "Supported: path,gruu,outbound\r\n"
                + "User-Agent: wisp-load\r\n"
                + "Content-Length: 0\r\n\r\n";
        return request(request, branch);
    }

    /** A MESSAGE to {@code to}; returns the final response. */
    SipText message(String to) throws Exception {
        String branch = branch();
        String body = "hello from " + user;
        String request = "MESSAGE sip:" + to + "@" + domain + " SIP/2.0\r\n"
                + via(branch)
                + "Max-Forwards: 69\r\n"
                + "To: <sip:" + to + "@" + domain + ">\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=" + branch + "\r\n"
                + "Call-ID: msg-" + branch + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        return request(request, branch);
    }

    /** INVITE with an SDP offer; returns the final response (the dialog, if it is a 2xx). */
    Dialog invite(String to) throws Exception {
        String branch = branch();
        String callId = "call-" + branch;
        String fromTag = "t" + branch;
        long number = cseq.incrementAndGet();
        String request = "INVITE sip:" + to + "@" + domain + " SIP/2.0\r\n"
                + via(branch)
                + "Max-Forwards: 69\r\n"
                + "To: <sip:" + to + "@" + domain + ">\r\n"
                + "From: \"" + user + "\" <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " INVITE\r\n"
                + "Contact: " + contact + "\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Allow: INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY\r\n"
                + "Supported: ice,replaces,outbound\r\n"
                + "Content-Length: " + Sdp.OFFER.length() + "\r\n\r\n" + Sdp.OFFER;
        SipText response = request(request, branch);
        return new Dialog(this, to, callId, fromTag, number, response);
    }

    /** Sends an in-dialog request without waiting (ACK). */
    void sendInDialog(Dialog dialog, String method, long number) {
        connection.send(inDialog(dialog, method, number, branch()));
    }

    /** Sends an in-dialog request and waits for its final response (BYE). */
    SipText requestInDialog(Dialog dialog, String method, long number) throws Exception {
        String branch = branch();
        return request(inDialog(dialog, method, number, branch), branch);
    }

    private String inDialog(Dialog dialog, String method, long number, String branch) {
        StringBuilder request = new StringBuilder(512)
                .append(method).append(' ').append(dialog.remoteTarget).append(" SIP/2.0\r\n")
                .append(via(branch))
                .append("Max-Forwards: 69\r\n");
        for (String route : dialog.routeSet) {
            request.append("Route: ").append(route).append("\r\n");
        }
        return request.append("To: ").append(dialog.to).append("\r\n")
                .append("From: \"").append(user).append("\" <sip:").append(user).append('@').append(domain)
                .append(">;tag=").append(dialog.fromTag).append("\r\n")
                .append("Call-ID: ").append(dialog.callId).append("\r\n")
                .append("CSeq: ").append(number).append(' ').append(method).append("\r\n")
                .append("Content-Length: 0\r\n\r\n")
                .toString();
    }

    private SipText request(String request, String branch) throws Exception {
        CompletableFuture<SipText> response = new CompletableFuture<>();
        pending.put(branch, response);
        connection.send(request);
        try {
            return response.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(branch);
            throw new IllegalStateException(user + ": no final response in " + TIMEOUT_MS + " ms to\n"
                    + request.substring(0, request.indexOf('\r')), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What a callee answers: Via, From, To (with its tag), Call-ID, CSeq; and for INVITE its SDP. */
    private String answer(SipText request, int status, String reason, boolean withSdp) {
        StringBuilder response = new StringBuilder(2048).append("SIP/2.0 ").append(status).append(' ').append(reason)
                .append("\r\n");
        for (String via : request.all("via")) {
            response.append("Via: ").append(via).append("\r\n");
        }
        if (withSdp) {
            for (String recordRoute : request.all("record-route")) {
                response.append("Record-Route: ").append(recordRoute).append("\r\n");
            }
        }
        String to = request.header("to");
        response.append("From: ").append(request.header("from")).append("\r\n")
                .append("To: ").append(to).append(to.contains(";tag=") ? "" : ";tag=" + host).append("\r\n")
                .append("Call-ID: ").append(request.header("call-id")).append("\r\n")
                .append("CSeq: ").append(request.header("cseq")).append("\r\n");
        if (withSdp) {
            response.append("Contact: ").append(contact).append("\r\n")
                    .append("Content-Type: application/sdp\r\n")
                    .append("Content-Length: ").append(Sdp.ANSWER.length()).append("\r\n\r\n").append(Sdp.ANSWER);
        } else {
            response.append("Content-Length: 0\r\n\r\n");
        }
        return response.toString();
    }

    private String via(String branch) {
        return "Via: SIP/2.0/WS " + host + ";branch=" + branch + "\r\n";
    }

    private static String branch() {
        return "z9hG4bK" + RUN + IDS.incrementAndGet();
    }

    /** A call this UA placed: what its ACK and BYE need. */
    static final class Dialog {
        final SipText answer;
        final String callId;
        final String fromTag;
        final long cseq;
        final String remoteTarget;
        final String to;
        final List<String> routeSet;
        private final LoadUa caller;

        Dialog(LoadUa caller, String callee, String callId, String fromTag, long cseq, SipText answer) {
            this.caller = caller;
            this.answer = answer;
            this.callId = callId;
            this.fromTag = fromTag;
            this.cseq = cseq;
            boolean established = answer.status() / 100 == 2;
            this.remoteTarget = established ? SipText.uriOf(answer.header("contact")) : null;
            this.to = answer.header("to");
            List<String> routes = new ArrayList<>(answer.all("record-route"));
            Collections.reverse(routes); // the caller uses the Record-Route in reverse (RFC 3261 12.1.2)
            this.routeSet = routes;
        }

        boolean established() {
            return answer.status() / 100 == 2;
        }

        /** ACK, then BYE; returns the BYE's final response. */
        SipText hangUp() throws Exception {
            caller.sendInDialog(this, "ACK", cseq);
            return caller.requestInDialog(this, "BYE", cseq + 1);
        }
    }
}

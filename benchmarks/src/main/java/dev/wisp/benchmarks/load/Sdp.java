package dev.wisp.benchmarks.load;

import dev.wisp.benchmarks.Fixtures;

/**
 * A DataChannel offer (about 1.5 KB: host, server-reflexive and relay candidates) and its answer
 * as Chromium writes them; the same SDP the micro-benchmarks parse.
 */
final class Sdp {

    static final String OFFER = Fixtures.body("invite-jssip.sip");

    static final String ANSWER = Fixtures.body("ok200-jssip.sip");

    private Sdp() {
    }
}

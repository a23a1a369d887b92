package dev.wisp.benchmarks.load;

/** The load harness treats every unexpected answer as an error, never as a fast operation. */
final class Outcomes {

    private Outcomes() {
    }

    static SipText expect(SipText response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " got " + response.text.substring(0, response.text.indexOf('\r'))
                    + " instead of " + status);
        }
        return response;
    }
}

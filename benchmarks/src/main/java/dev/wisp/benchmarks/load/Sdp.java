package dev.wisp.benchmarks.load;

/** A DataChannel offer and answer as Chromium writes them, about 1.4 KB each with ICE candidates. */
final class Sdp {

    static final String OFFER = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=candidate:1467250027 1 udp 2122260223 10.213.0.1 54400 typ host generation 0 network-id 1",
            "a=candidate:1467250027 1 udp 2122262783 fd00:213::1 54401 typ host generation 0 network-id 2",
            "a=candidate:435653019 1 tcp 1518280447 10.213.0.1 9 typ host tcptype active generation 0 network-id 1",
            "a=candidate:435653019 1 tcp 1518283007 fd00:213::1 9 typ host tcptype active generation 0 network-id 2",
            "a=candidate:3972563146 1 udp 1686052607 198.51.100.7 54400 typ srflx raddr 10.213.0.1 rport 54400 generation 0",
            "a=ice-ufrag:Zx3o",
            "a=ice-pwd:qN8Ks0bFvYj2Xp1rC7uWm9Tt",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:2E:9A:4C:D1:0A:5F:3B:91:1C:E2:77:03",
            "a=setup:actpass",
            "a=mid:0",
            "a=sctp-port:5000",
            "a=max-message-size:262144",
            "");

    static final String ANSWER = OFFER
            .replace("4611731400430051336", "2890844527")
            .replace("a=setup:actpass", "a=setup:active")
            .replace("Zx3o", "b0Bq")
            .replace("qN8Ks0bFvYj2Xp1rC7uWm9Tt", "Jx9fQm3LpZ2vT8rKw5Yc1nHd");

    private Sdp() {
    }
}

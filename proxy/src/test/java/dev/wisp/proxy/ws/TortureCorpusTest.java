package dev.wisp.proxy.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisp.proxy.Fixtures;
import dev.wisp.proxy.TestWisp;
import dev.wisp.proxy.metrics.Metrics.Counter;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 torture message through the SIP codec, proxy core and registrar, one per fresh
 * connection, with the answer rfc4475/expectations.csv names; the connection then still works.
 */
class TortureCorpusTest {

    record Case(String file, boolean binary, String answer) {
        @Override
        public String toString() {
            return file + " -> " + answer;
        }
    }

    static Stream<Case> cases() {
        String csv = new String(Fixtures.bytes("rfc4475/expectations.csv"), StandardCharsets.UTF_8);
        return csv.lines()
                .filter(line -> !line.startsWith("#") && !line.startsWith("file,") && !line.isBlank())
                .map(line -> line.split(",", 4))
                .map(fields -> new Case(fields[0], fields[1].equals("binary"), fields[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMessageGetsItsAnswerAndTheConnectionKeepsWorking(Case torture) {
        TestWisp wisp = new TestWisp();
        FlowChannel browser = new FlowChannel(wisp);
        byte[] bytes = Fixtures.bytes("rfc4475/" + torture.file());

        if (torture.binary()) {
            browser.sendBinary(bytes);
        } else {
            browser.sendText(bytes);
        }

        if (torture.answer().equals("stray") || torture.answer().equals("malformed")) {
            assertThat(browser.nextFrame()).as("nothing is sent back").isNull();
            boolean stray = torture.answer().equals("stray");
            assertThat(wisp.metrics.count(Counter.SIP_DROPPED)).as("parsed, then dropped").isEqualTo(stray ? 1 : 0);
            assertThat(wisp.metrics.count(Counter.SIP_MALFORMED_DROPPED)).as("dropped as malformed")
                    .isEqualTo(stray ? 0 : 1);
        } else {
            SIPResponse answer = browser.nextResponse();
            assertThat(answer).as("an answer").isNotNull();
            assertThat(answer.getStatusCode()).as(answer.getReasonPhrase()).isEqualTo(Integer.parseInt(torture.answer()));
            assertThat(browser.nextFrame()).as("exactly one answer").isNull();
        }
        assertThat(browser.channel.isOpen()).isTrue();
        browser.sendText("messages/options-wisp.sip");
        assertThat(browser.nextResponse().getStatusCode()).isEqualTo(200);
        assertThat(browser.channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void theExpectationsCoverEveryCorpusFile() {
        String index = new String(Fixtures.bytes("rfc4475/SHA256SUMS"), StandardCharsets.US_ASCII);
        assertThat(cases().map(Case::file)).containsExactlyInAnyOrderElementsOf(
                index.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1).replace("*", "")).toList());
    }

    @Test
    void theCorpusIsBitExact() throws Exception {
        String sums = new String(Fixtures.bytes("rfc4475/SHA256SUMS"), StandardCharsets.US_ASCII);
        for (String line : sums.lines().toList()) {
            String[] fields = line.split("\\s+\\*?");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Fixtures.bytes("rfc4475/" + fields[1]));
            assertThat(HexFormat.of().formatHex(digest)).as(fields[1]).isEqualTo(fields[0]);
        }
    }
}

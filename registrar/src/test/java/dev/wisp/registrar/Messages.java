package dev.wisp.registrar;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;

/** Loads the REGISTER fixtures under src/test/resources/messages and edits them for a test. */
final class Messages {

    private Messages() {
    }

    static SIPRequest request(String fixture) {
        try (InputStream in = Messages.class.getResourceAsStream("/messages/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return (SIPRequest) new StringMsgParser().parseSIPMessage(in.readAllBytes(), true, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("fixture " + fixture + " does not parse", e);
        }
    }

    /** Replaces every header called {@code name} with the given values (none removes it). */
    static SIPRequest with(SIPRequest request, String name, String... values) {
        SIPRequest copy = (SIPRequest) request.clone();
        copy.removeHeader(name);
        for (String value : values) {
            copy.addHeader(header(name, value));
        }
        return copy;
    }

    static Header header(String name, String value) {
        try {
            return dev.wisp.sip.SipFactories.HEADERS.createHeader(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + ": " + value, e);
        }
    }

    static List<String> values(javax.sip.message.Message message, String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> headers = message.getHeaders(name);
        while (headers.hasNext()) {
            values.add(((SIPHeader) headers.next()).getHeaderValue().trim());
        }
        return values;
    }
}

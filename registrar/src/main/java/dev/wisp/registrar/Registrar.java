package dev.wisp.registrar;

import dev.wisp.sip.SipFactories;
import dev.wisp.sip.StatelessResponses;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.ims.PathHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;

/**
 * A registrar (RFC 3261 section 10.3) with RFC 5626 outbound and RFC 3327 Path support. It turns
 * a REGISTER into a response and a change of the {@link LocationStore}; it knows nothing of
 * sockets: the caller names the flow the request came on.
 */
public final class Registrar {

    /** Option tags this registrar understands in a Require header. */
    public static final Set<String> SUPPORTED_EXTENSIONS = Set.of("path", "outbound");

    /**
     * The Date header's zone (RFC 3261 section 20.17). Looked up once: TimeZone.getTimeZone copies
     * the zone on every call, which showed up in the REGISTER profile. Never modified.
     */
    private static final TimeZone GMT = TimeZone.getTimeZone("GMT");

    private final RegistrarConfig config;
    private final LocationStore store;
    private final Clock clock;

    public Registrar(RegistrarConfig config, LocationStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    public RegistrarConfig config() {
        return config;
    }

    public LocationView locations() {
        return store;
    }

    public int aorCount() {
        return store.aorCount();
    }

    public int bindingCount() {
        return store.bindingCount();
    }

    /** Handles a REGISTER that arrived on {@code flow} and returns the response to send back. */
    public SIPResponse register(SIPRequest request, FlowId flow) {
        Instant now = clock.instant();
        List<String> unsupported = unsupportedExtensions(request);
        if (!unsupported.isEmpty()) {
            return badExtension(request, unsupported);
        }
        URI toUri = request.getTo().getAddress().getURI();
        if (!(toUri instanceof SipURI sipTo)) {
            return reject(request, RegistrarOutcome.AOR_NOT_SIP);
        }
        if (!config.serves(sipTo.getHost())) {
            return reject(request, RegistrarOutcome.DOMAIN_NOT_SERVED);
        }
        String aor = AddressOfRecord.key(sipTo);
        List<Contact> contacts = contacts(request);
        if (contacts.isEmpty()) {
            return ok(request, store.bindings(aor), List.of(), now, false);
        }
        if (contacts.stream().anyMatch(Contact::isWildCard)) {
            return removeAll(request, aor, contacts, now);
        }
        return update(request, aor, contacts, flow, now);
    }

    /**
     * Called when a flow closes. Its bindings can no longer be reached, so unless configured
     * otherwise they go at once instead of lingering until they expire.
     */
    public int flowClosed(FlowId flow) {
        return config.removeOnFlowClose() ? store.removeFlow(flow) : 0;
    }

    /** Removes expired bindings; wisp calls this every {@link RegistrarConfig#sweepInterval()}. */
    public int sweepExpired() {
        return store.removeExpired(clock.instant());
    }

    private SIPResponse update(SIPRequest request, String aor, List<Contact> contacts, FlowId flow, Instant now) {
        List<ContactRequest> wanted = new ArrayList<>(contacts.size());
        try {
            long headerExpires = headerExpires(request);
            for (Contact contact : contacts) {
                wanted.add(ContactRequest.read(contact, headerExpires, config.defaultExpires().toSeconds()));
            }
        } catch (ContactRequest.Rejected rejected) {
            return reject(request, rejected.outcome);
        }
        long withRegId = wanted.stream().filter(contact -> contact.regId() > 0).count();
        if (withRegId > 1) {
            return reject(request, RegistrarOutcome.SEVERAL_REG_IDS);
        }
        boolean outbound = withRegId == 1;
        if (outbound && !firstHopSupportsOutbound(request)) {
            return reject(request, RegistrarOutcome.FIRST_HOP_LACKS_OUTBOUND);
        }
        for (ContactRequest contact : wanted) {
            if (contact.expires() != 0 && contact.expires() < config.minExpires().toSeconds()) {
                return intervalTooBrief(request);
            }
        }

        BindingUpdate change = new BindingUpdate(config, request.getCallId().getCallId(),
                request.getCSeq().getSeqNumber(), flow, paths(request), wanted, now);
        List<Binding> stored = store.update(aor, current -> change.apply(aor, current));
        if (change.tooManyContacts()) {
            return reject(request, RegistrarOutcome.TOO_MANY_CONTACTS);
        }
        SIPResponse response = ok(request, stored, wanted, now, outbound);
        if (supports(request, "path")) {
            echoPath(request, response);
        }
        return response;
    }

    private SIPResponse removeAll(SIPRequest request, String aor, List<Contact> contacts, Instant now) {
        if (contacts.size() > 1) {
            return reject(request, RegistrarOutcome.WILDCARD_NOT_ALONE);
        }
        ExpiresHeader expires = request.getExpires();
        if (expires == null || expires.getExpires() != 0) {
            return reject(request, RegistrarOutcome.WILDCARD_NEEDS_EXPIRES_ZERO);
        }
        String callId = request.getCallId().getCallId();
        long cseq = request.getCSeq().getSeqNumber();
        // A binding last changed by this same Call-ID with a CSeq not lower is newer than this
        // request (a retransmission or a reordered one): it stays (RFC 3261 section 10.3 step 6).
        List<Binding> stored = store.update(aor, current -> current.stream()
                .filter(binding -> binding.callId().equals(callId) && binding.cseq() >= cseq)
                .toList());
        return ok(request, stored, List.of(), now, false);
    }

    /**
     * The 200 OK listing every current binding.
     *
     * @param written the Contacts of this request, already parsed: the bindings they wrote are
     *     listed with them rather than by parsing the stored text again (a refresh is the common
     *     REGISTER, and that parse was 4 % of wisp's CPU under REGISTER load)
     */
    private SIPResponse ok(SIPRequest request, List<Binding> bindings, List<ContactRequest> written, Instant now,
            boolean outbound) {
        SIPResponse response = StatelessResponses.create(request, RegistrarOutcome.OK.status(),
                RegistrarOutcome.OK.reason());
        List<ContactRequest> unlisted = new ArrayList<>(written);
        try {
            for (Binding binding : bindings) {
                if (!binding.isExpired(now)) {
                    ContactHeader contact = contactHeader(binding, unlisted);
                    contact.setExpires((int) Math.min(Integer.MAX_VALUE, binding.secondsLeft(now)));
                    response.addHeader(contact);
                }
            }
            response.addHeader(SipFactories.HEADERS.createDateHeader(calendar(now)));
            if (outbound) {
                // RFC 5626 section 6: the registrar honoured reg-id, so it says so.
                response.addHeader(SipFactories.HEADERS.createRequireHeader("outbound"));
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("a stored binding no longer parses: " + e.getMessage(), e);
        }
        return response;
    }

    /**
     * A Contact header for {@code binding}: the parsed one of the request Contact that wrote it,
     * taken out of {@code unlisted} so no header object goes into the response twice, or else one
     * parsed from the stored text.
     */
    private static ContactHeader contactHeader(Binding binding, List<ContactRequest> unlisted) throws ParseException {
        for (Iterator<ContactRequest> it = unlisted.iterator(); it.hasNext();) {
            ContactRequest contact = it.next();
            if (contact.contact().equals(binding.contact())) {
                it.remove();
                return contact.header();
            }
        }
        return (ContactHeader) SipFactories.HEADERS.createHeader(ContactHeader.NAME, binding.contact());
    }

    private SIPResponse reject(SIPRequest request, RegistrarOutcome outcome) {
        return StatelessResponses.create(request, outcome.status(), outcome.reason());
    }

    private SIPResponse intervalTooBrief(SIPRequest request) {
        SIPResponse response = reject(request, RegistrarOutcome.INTERVAL_TOO_BRIEF);
        try {
            response.addHeader(SipFactories.HEADERS.createMinExpiresHeader(
                    (int) config.minExpires().toSeconds()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("min-expires is validated positive", e);
        }
        return response;
    }

    private SIPResponse badExtension(SIPRequest request, List<String> unsupported) {
        SIPResponse response = reject(request, RegistrarOutcome.UNSUPPORTED_EXTENSION);
        try {
            for (String tag : unsupported) {
                response.addHeader(SipFactories.HEADERS.createUnsupportedHeader(tag));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("an option tag that parsed once parses again", e);
        }
        return response;
    }

    private static void echoPath(SIPRequest request, SIPResponse response) {
        ListIterator<SIPHeader> paths = request.getHeaders(PathHeader.NAME);
        while (paths.hasNext()) {
            response.addHeader((SIPHeader) paths.next().clone());
        }
    }

    /**
     * RFC 5626 section 6: reg-id means something only if the first hop keeps the flow. It does when
     * the UA sent the REGISTER to us directly (one Via) or when the first Path entry carries "ob".
     */
    private static boolean firstHopSupportsOutbound(SIPRequest request) {
        ListIterator<SIPHeader> paths = request.getHeaders(PathHeader.NAME);
        if (paths.hasNext()) {
            URI first = ((PathHeader) paths.next()).getAddress().getURI();
            return first instanceof SipURI sipUri && sipUri.getParameter("ob") != null;
        }
        return request.getViaHeaders().size() == 1;
    }

    private static List<Contact> contacts(SIPRequest request) {
        List<Contact> contacts = new ArrayList<>();
        ListIterator<SIPHeader> headers = request.getHeaders(ContactHeader.NAME);
        while (headers.hasNext()) {
            contacts.add((Contact) headers.next());
        }
        return contacts;
    }

    private static List<String> paths(SIPRequest request) {
        List<String> paths = new ArrayList<>();
        ListIterator<SIPHeader> headers = request.getHeaders(PathHeader.NAME);
        while (headers.hasNext()) {
            paths.add(((PathHeader) headers.next()).getAddress().toString());
        }
        return paths;
    }

    private static long headerExpires(SIPRequest request) {
        ExpiresHeader expires = request.getExpires();
        return expires == null ? -1 : expires.getExpires();
    }

    private static List<String> unsupportedExtensions(SIPRequest request) {
        List<String> unsupported = new ArrayList<>();
        ListIterator<SIPHeader> headers = request.getHeaders(RequireHeader.NAME);
        while (headers.hasNext()) {
            String tag = ((RequireHeader) headers.next()).getOptionTag();
            if (!SUPPORTED_EXTENSIONS.contains(tag.toLowerCase(Locale.ROOT))) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }

    private static boolean supports(SIPRequest request, String optionTag) {
        ListIterator<SIPHeader> headers = request.getHeaders(SupportedHeader.NAME);
        while (headers.hasNext()) {
            if (optionTag.equalsIgnoreCase(((SupportedHeader) headers.next()).getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    private static Calendar calendar(Instant now) {
        Calendar calendar = new GregorianCalendar(GMT, Locale.ROOT);
        calendar.setTimeInMillis(now.toEpochMilli());
        return calendar;
    }
}

package dev.wisp.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The JAIN-SIP RI factories wisp uses. They need no SipStack, hold no per-message state and are
 * safe to share, so one instance of each serves the whole process.
 */
public final class SipFactories {

    public static final HeaderFactory HEADERS = new HeaderFactoryImpl();
    public static final AddressFactory ADDRESSES = new AddressFactoryImpl();
    public static final MessageFactory MESSAGES = new MessageFactoryImpl();

    private SipFactories() {
    }
}

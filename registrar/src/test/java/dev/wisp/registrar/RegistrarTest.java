package dev.wisp.registrar;

import static dev.wisp.registrar.Messages.request;
import static dev.wisp.registrar.Messages.values;
import static dev.wisp.registrar.Messages.with;
import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrarTest {

    private static final FlowId FLOW = new FlowId(7);
    private static final FlowId OTHER_FLOW = new FlowId(8);
    private static final String JSSIP_CONTACT_URI = "sip:d2l8vcbe@7lh2bl3m8n1j.invalid;transport=ws";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryLocationStore store = new InMemoryLocationStore();
    private Registrar registrar = new Registrar(RegistrarConfig.DEFAULTS, store, clock);

    @Test
    void jssipRegisterIsBoundToItsFlowAndAnsweredWithContactExpiresDateAndRequireOutbound() {
        SIPResponse response = registrar.register(request("register-jssip.sip"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getTo().getTag()).isNotBlank();
        List<String> contacts = values(response, "Contact");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0))
                .contains("<" + JSSIP_CONTACT_URI + ">")
                .contains("+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\"")
                .contains("reg-id=1")
                .contains("expires=600");
        assertThat(values(response, "Date")).singleElement().asString().endsWith("10:00:00 GMT");
        assertThat(values(response, "Require")).containsExactly("outbound");

        Binding binding = store.bindings("alice@example.test").get(0);
        assertThat(binding.flow()).isEqualTo(FLOW);
        assertThat(binding.instanceId()).isEqualTo("<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>");
        assertThat(binding.regId()).isEqualTo(1);
        assertThat(binding.expiresAt()).isEqualTo(clock.instant().plusSeconds(600));
    }

    @Test
    void plainRegisterWithoutRegIdGetsNoRequireOutbound() {
        SIPResponse response = registrar.register(request("register-plain.sip"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Require")).isEmpty();
        assertThat(values(response, "Contact")).singleElement().asString()
                .isEqualTo("<sip:bob@192.0.2.10:5060;transport=ws>;expires=3600");
    }

    @Test
    void refreshWithHigherCSeqKeepsOneBindingAndExtendsIt() {
        registrar.register(request("register-jssip.sip"), FLOW);
        clock.advance(Duration.ofSeconds(300));

        SIPResponse response = registrar.register(cseq(request("register-jssip.sip"), 2), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.bindings("alice@example.test")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(clock.instant().plusSeconds(600));
        assertThat(values(response, "Contact")).singleElement().asString().contains("expires=600");
    }

    @Test
    void sameInstanceAndRegIdReplacesTheBindingEvenWithANewContactUriAndFlow() {
        registrar.register(request("register-jssip.sip"), FLOW);
        SIPRequest reconnected = with(cseq(request("register-jssip.sip"), 2), "Contact",
                "<sip:other@new.invalid;transport=ws>;reg-id=1;"
                        + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\"");

        registrar.register(reconnected, OTHER_FLOW);

        assertThat(store.bindings("alice@example.test")).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo("sip:other@new.invalid;transport=ws");
            assertThat(binding.flow()).isEqualTo(OTHER_FLOW);
        });
    }

    @Test
    void differentRegIdOfTheSameInstanceIsASecondBinding() {
        registrar.register(request("register-jssip.sip"), FLOW);
        SIPRequest secondFlow = with(cseq(request("register-jssip.sip"), 2), "Contact",
                "<sip:d2l8vcbe@7lh2bl3m8n1j.invalid;transport=ws>;reg-id=2;"
                        + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\"");

        registrar.register(secondFlow, OTHER_FLOW);

        assertThat(store.bindings("alice@example.test")).hasSize(2);
    }

    @Test
    void theOkListsTheBindingJustWrittenAndAnEarlierOneEachWithItsOwnExpires() {
        registrar.register(request("register-jssip.sip"), FLOW);
        clock.advance(Duration.ofSeconds(100));
        SIPRequest secondFlow = with(cseq(request("register-jssip.sip"), 2), "Contact",
                "<sip:d2l8vcbe@7lh2bl3m8n1j.invalid;transport=ws>;reg-id=2;expires=300;"
                        + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\"");

        SIPResponse response = registrar.register(secondFlow, OTHER_FLOW);

        assertThat(values(response, "Contact")).hasSize(2)
                .anySatisfy(contact -> assertThat(contact).contains("reg-id=1").contains("expires=500"))
                .anySatisfy(contact -> assertThat(contact).contains("reg-id=2").contains("expires=300"));
    }

    @Test
    void instanceWithoutRegIdIsKeyedByInstance() {
        registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@a.invalid;transport=ws>;+sip.instance=\"<urn:uuid:1>\""), FLOW);
        registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact",
                "<sip:bob@b.invalid;transport=ws>;+sip.instance=\"<urn:uuid:1>\""), FLOW);

        assertThat(store.bindings("bob@example.test")).singleElement()
                .extracting(Binding::contactUri).isEqualTo("sip:bob@b.invalid;transport=ws");
    }

    @Test
    void plainContactsAreKeyedByUri() {
        registrar.register(request("register-plain.sip"), FLOW);
        registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact",
                "<sip:bob@192.0.2.11:5060;transport=ws>"), FLOW);

        assertThat(store.bindings("bob@example.test")).extracting(Binding::contactUri).containsExactly(
                "sip:bob@192.0.2.10:5060;transport=ws", "sip:bob@192.0.2.11:5060;transport=ws");
    }

    @Test
    void expiresParameterZeroRemovesTheBinding() {
        registrar.register(request("register-jssip.sip"), FLOW);
        SIPRequest unregister = with(cseq(request("register-jssip.sip"), 2), "Contact",
                "<sip:d2l8vcbe@7lh2bl3m8n1j.invalid;transport=ws>;reg-id=1;"
                        + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\";expires=0");

        SIPResponse response = registrar.register(unregister, FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Contact")).isEmpty();
        assertThat(store.bindings("alice@example.test")).isEmpty();
        assertThat(store.aorCount()).isZero();
    }

    @Test
    void expiresHeaderZeroRemovesTheBindingWhenTheContactHasNoParameter() {
        registrar.register(request("register-plain.sip"), FLOW);

        SIPResponse response = registrar.register(
                with(cseq(request("register-plain.sip"), 1827), "Expires", "0"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.bindings("bob@example.test")).isEmpty();
    }

    @Test
    void expiresParameterWinsOverTheHeader() {
        SIPRequest request = with(with(request("register-plain.sip"), "Expires", "1200"), "Contact",
                "<sip:bob@192.0.2.10:5060;transport=ws>;expires=900");

        registrar.register(request, FLOW);

        assertThat(store.bindings("bob@example.test").get(0).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(900));
    }

    @Test
    void expiresHeaderAppliesWhenTheContactHasNoParameter() {
        registrar.register(with(request("register-plain.sip"), "Expires", "1200"), FLOW);

        assertThat(store.bindings("bob@example.test").get(0).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(1200));
    }

    @Test
    void withoutAnyExpiresTheDefaultApplies() {
        registrar = new Registrar(new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(7200),
                Duration.ofSeconds(1800), 10, Set.of(), true, Duration.ofSeconds(10)), store, clock);

        registrar.register(request("register-plain.sip"), FLOW);

        assertThat(store.bindings("bob@example.test").get(0).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(1800));
    }

    @Test
    void tooShortExpiresGets423WithMinExpiresAndChangesNothing() {
        SIPResponse response = registrar.register(with(request("register-plain.sip"), "Expires", "30"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(423);
        assertThat(values(response, "Min-Expires")).containsExactly("60");
        assertThat(store.bindingCount()).isZero();
    }

    @Test
    void tooLongExpiresIsClampedToMaxExpires() {
        SIPResponse response = registrar.register(
                with(request("register-plain.sip"), "Expires", "999999"), FLOW);

        assertThat(values(response, "Contact")).singleElement().asString().endsWith("expires=3600");
    }

    @Test
    void anExpiresParameterTooLargeForALongIsClampedNotRejected() {
        SIPResponse response = registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.10>;expires=100000000000000000000000000000"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Contact")).singleElement().asString().endsWith("expires=3600");
    }

    @Test
    void nonNumericExpiresParameterIs400() {
        SIPResponse response = registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.10>;expires=soon"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @Test
    void moreContactsThanMaxContactsGets503AndKeepsTheExistingBindings() {
        registrar = new Registrar(new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofSeconds(3600), 2, Set.of(), true, Duration.ofSeconds(10)), store, clock);
        registrar.register(request("register-plain.sip"), FLOW);

        SIPResponse response = registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact",
                "<sip:bob@192.0.2.11>", "<sip:bob@192.0.2.12>"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getReasonPhrase()).isEqualTo("Too Many Registered Contacts");
        assertThat(store.bindings("bob@example.test")).hasSize(1);
    }

    @Test
    void retransmissionWithTheSameCSeqIsAnswered200AndChangesNothing() {
        registrar.register(request("register-jssip.sip"), FLOW);
        clock.advance(Duration.ofSeconds(100));

        SIPResponse response = registrar.register(request("register-jssip.sip"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Contact")).singleElement().asString().contains("expires=500");
    }

    @Test
    void olderCSeqOfTheSameCallIdDoesNotUndoANewerRegister() {
        registrar.register(cseq(request("register-jssip.sip"), 5), FLOW);
        SIPRequest late = with(cseq(request("register-jssip.sip"), 4), "Expires", "0");
        late = with(late, "Contact", "<sip:d2l8vcbe@7lh2bl3m8n1j.invalid;transport=ws>;reg-id=1;"
                + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\"");

        SIPResponse response = registrar.register(late, FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.bindings("alice@example.test")).hasSize(1);
    }

    @Test
    void aDifferentCallIdUpdatesEvenWithALowerCSeq() {
        registrar.register(cseq(request("register-plain.sip"), 50), FLOW);
        SIPRequest otherCall = with(with(cseq(request("register-plain.sip"), 1), "Call-ID", "another-call"),
                "Expires", "0");

        registrar.register(otherCall, FLOW);

        assertThat(store.bindings("bob@example.test")).isEmpty();
    }

    @Test
    void qValuesAreStoredAndReturned() {
        SIPResponse response = registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.11>;q=0.5", "<sip:bob@192.0.2.12>;q=1.0"), FLOW);

        assertThat(store.bindings("bob@example.test")).extracting(Binding::q).containsExactly(500, 1000);
        assertThat(values(response, "Contact")).anySatisfy(contact -> assertThat(contact).contains("q=0.5"));
    }

    @Test
    void qValueAboveOneIs400() {
        SIPResponse response = registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.11>;q=1.5"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @Test
    void queryWithoutContactListsEveryCurrentBinding() {
        registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.11>", "<sip:bob@192.0.2.12>"), FLOW);

        SIPResponse response = registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Contact")).hasSize(2);
        assertThat(store.bindingCount()).isEqualTo(2);
    }

    @Test
    void wildcardWithExpiresZeroRemovesEveryBinding() {
        registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.11>", "<sip:bob@192.0.2.12>"), FLOW);
        SIPRequest removeAll = with(with(cseq(request("register-plain.sip"), 1827), "Contact", "*"), "Expires", "0");

        SIPResponse response = registrar.register(removeAll, FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Contact")).isEmpty();
        assertThat(store.bindings("bob@example.test")).isEmpty();
    }

    @Test
    void wildcardWithoutExpiresZeroIs400() {
        registrar.register(request("register-plain.sip"), FLOW);

        SIPResponse response = registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact", "*"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(store.bindings("bob@example.test")).hasSize(1);
    }

    @Test
    void wildcardBesideAnotherContactIs400() {
        SIPRequest mixed = with(with(request("register-plain.sip"), "Contact", "*", "<sip:bob@192.0.2.11>"),
                "Expires", "0");

        assertThat(registrar.register(mixed, FLOW).getStatusCode()).isEqualTo(400);
    }

    @Test
    void regIdThroughAProxyWithoutOutboundPathIs439() {
        SIPRequest viaProxy = with(request("register-jssip.sip"), "Via",
                "SIP/2.0/WSS 7lh2bl3m8n1j.invalid;branch=z9hG4bK6427611", "SIP/2.0/UDP proxy.example.test;branch=z9hG4bKp");

        SIPResponse response = registrar.register(viaProxy, FLOW);

        assertThat(response.getStatusCode()).isEqualTo(439);
        assertThat(store.bindingCount()).isZero();
    }

    @Test
    void regIdThroughAnOutboundEdgeProxyIsAcceptedAndItsPathEchoed() {
        SIPRequest viaEdge = with(request("register-jssip.sip"), "Via",
                "SIP/2.0/WSS 7lh2bl3m8n1j.invalid;branch=z9hG4bK6427611", "SIP/2.0/UDP edge.example.test;branch=z9hG4bKp");
        viaEdge = with(viaEdge, "Path", "<sip:tok@edge.example.test;lr;ob>");

        SIPResponse response = registrar.register(viaEdge, FLOW);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(values(response, "Require")).containsExactly("outbound");
        assertThat(values(response, "Path")).containsExactly("<sip:tok@edge.example.test;lr;ob>");
        assertThat(store.bindings("alice@example.test").get(0).path())
                .containsExactly("<sip:tok@edge.example.test;lr;ob>");
    }

    @Test
    void pathIsStoredButNotEchoedToAUaThatDoesNotSupportIt() {
        SIPRequest request = with(request("register-plain.sip"), "Path", "<sip:edge.example.test;lr>");

        SIPResponse response = registrar.register(request, FLOW);

        assertThat(values(response, "Path")).isEmpty();
        assertThat(store.bindings("bob@example.test").get(0).path()).containsExactly("<sip:edge.example.test;lr>");
    }

    @Test
    void twoContactsWithRegIdAre400() {
        SIPRequest request = with(request("register-jssip.sip"), "Contact",
                "<sip:a@x.invalid>;reg-id=1;+sip.instance=\"<urn:uuid:1>\"",
                "<sip:b@x.invalid>;reg-id=2;+sip.instance=\"<urn:uuid:1>\"");

        assertThat(registrar.register(request, FLOW).getStatusCode()).isEqualTo(400);
    }

    @Test
    void unknownRequiredExtensionGets420ListingIt() {
        SIPResponse response = registrar.register(
                with(request("register-plain.sip"), "Require", "path", "frobnicate"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(420);
        assertThat(values(response, "Unsupported")).containsExactly("frobnicate");
    }

    @Test
    void nonSipAddressOfRecordIs400() {
        SIPResponse response = registrar.register(
                with(request("register-plain.sip"), "To", "<tel:+15551234>"), FLOW);

        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @Test
    void domainNotServedIs404() {
        registrar = new Registrar(new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofSeconds(3600), 10, Set.of("Wisp.Example"), true, Duration.ofSeconds(10)), store, clock);

        assertThat(registrar.register(request("register-plain.sip"), FLOW).getStatusCode()).isEqualTo(404);
        assertThat(registrar.register(with(request("register-plain.sip"), "To", "<sip:bob@wisp.example>"), FLOW)
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void closingAFlowRemovesItsBindingsAtOnceAndLeavesOthers() {
        registrar.register(request("register-jssip.sip"), FLOW);
        registrar.register(request("register-plain.sip"), OTHER_FLOW);

        assertThat(registrar.flowClosed(FLOW)).isEqualTo(1);

        assertThat(store.bindings("alice@example.test")).isEmpty();
        assertThat(store.bindings("bob@example.test")).hasSize(1);
    }

    @Test
    void aBindingRefreshedOnItsFlowStillGoesWhenThatFlowCloses() {
        registrar.register(request("register-jssip.sip"), FLOW);
        registrar.register(cseq(request("register-jssip.sip"), 2), FLOW);

        assertThat(registrar.flowClosed(FLOW)).isEqualTo(1);
        assertThat(store.bindings("alice@example.test")).isEmpty();
    }

    @Test
    void aBindingThatMovedToAnotherFlowOutlivesTheOldOneAndGoesWithTheNewOne() {
        registrar.register(request("register-jssip.sip"), FLOW);
        registrar.register(with(cseq(request("register-jssip.sip"), 2), "Contact",
                "<sip:other@new.invalid;transport=ws>;reg-id=1;"
                        + "+sip.instance=\"<urn:uuid:0c6b6c3f-6b36-4a55-8b64-5e8d2a4c6f52>\""), OTHER_FLOW);

        assertThat(registrar.flowClosed(FLOW)).isZero();
        assertThat(store.bindings("alice@example.test")).hasSize(1);
        assertThat(registrar.flowClosed(OTHER_FLOW)).isEqualTo(1);
        assertThat(store.bindings("alice@example.test")).isEmpty();
    }

    @Test
    void closingAFlowKeepsItsBindingsWhenConfiguredTo() {
        registrar = new Registrar(new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofSeconds(3600), 10, Set.of(), false, Duration.ofSeconds(10)), store, clock);
        registrar.register(request("register-jssip.sip"), FLOW);

        assertThat(registrar.flowClosed(FLOW)).isZero();
        assertThat(store.bindings("alice@example.test")).hasSize(1);
    }

    @Test
    void sweepRemovesOnlyExpiredBindings() {
        registrar.register(with(request("register-plain.sip"), "Contact",
                "<sip:bob@192.0.2.11>;expires=60", "<sip:bob@192.0.2.12>;expires=600"), FLOW);
        clock.advance(Duration.ofSeconds(60));

        assertThat(registrar.sweepExpired()).isEqualTo(1);

        assertThat(store.bindings("bob@example.test")).extracting(Binding::contactUri)
                .containsExactly("sip:bob@192.0.2.12");
    }

    @Test
    void expiredButUnsweptBindingsAreNotListed() {
        registrar.register(with(request("register-plain.sip"), "Contact", "<sip:bob@192.0.2.11>;expires=60"), FLOW);
        clock.advance(Duration.ofSeconds(61));

        SIPResponse query = registrar.register(with(cseq(request("register-plain.sip"), 1827), "Contact"), FLOW);

        assertThat(values(query, "Contact")).isEmpty();
    }

    @Test
    void answerCarriesTheSameToTagForARetransmission() {
        SIPResponse first = registrar.register(request("register-plain.sip"), FLOW);
        SIPResponse again = registrar.register(request("register-plain.sip"), FLOW);

        assertThat(again.getTo().getTag()).isEqualTo(first.getTo().getTag());
    }

    private static SIPRequest cseq(SIPRequest request, long number) {
        return with(request, "CSeq", number + " REGISTER");
    }
}

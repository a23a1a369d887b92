package dev.wisp.proxy.ws;

import dev.wisp.proxy.transport.Flow;
import dev.wisp.proxy.transport.SipDispatcher;
import gov.nist.javax.sip.message.SIPMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of a flow's pipeline: parsed SIP messages go to the dispatcher, and so does the close. */
final class SipFlowHandler extends SimpleChannelInboundHandler<SIPMessage> {

    private static final Logger log = LoggerFactory.getLogger(SipFlowHandler.class);

    private final Flow flow;
    private final SipDispatcher dispatcher;

    SipFlowHandler(Flow flow, SipDispatcher dispatcher) {
        this.flow = flow;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SIPMessage message) {
        dispatcher.dispatch(message, flow);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        log.debug("{} closed", flow);
        dispatcher.flowClosed(flow);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Errors of the WebSocket layer are answered by ws-control before they get here; what
        // remains is a failed write or a bug. The flow stays up: one bad message loses nothing else.
        log.warn("{} {}", flow, cause.toString(), cause);
    }
}

package dev.wisp.proxy;

import dev.wisp.proxy.config.ConfigLoader;
import dev.wisp.proxy.config.InvalidConfigException;
import dev.wisp.proxy.config.WispConfig;
import dev.wisp.proxy.server.WispServer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar wisp.jar [--config FILE]}: starts wisp and runs until stopped. */
public final class WispMain {

    private static final Logger log = LoggerFactory.getLogger(WispMain.class);
    /** Exit status for a command line or configuration wisp cannot start with. */
    static final int USAGE = 2;

    private WispMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wisp: " + e.getMessage() + " (see --help)");
            System.exit(USAGE);
            return;
        }
        if (commandLine.help()) {
            printHelp(System.out);
            return;
        }
        WispConfig config;
        try {
            config = ConfigLoader.load(commandLine.configFile(), System.getenv(), System.getProperties());
        } catch (InvalidConfigException e) {
            System.err.println("wisp: invalid configuration: " + e.getMessage());
            System.exit(USAGE);
            return;
        }
        log.info("configuration: {}", config);
        WispServer server = WispServer.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            server.close();
            stopped.countDown();
        }, "wisp-shutdown"));
        announce(server);
        stopped.await();
    }

    /** The "wisp ready" line is what scripts wait for; the next tells a person where to connect. */
    private static void announce(WispServer server) {
        log.info("wisp ready ws={} wss={}", server.wsPort(), server.wssPort());
        if (server.wssPort() > 0) {
            log.info("Point a SIP-over-WebSocket client (JsSIP, SIP.js) at wss://<host>:{} with subprotocol sip;"
                    + " the web page is https://<host>:{}/", server.wssPort(), server.wssPort());
        }
        if (server.wsPort() > 0) {
            log.info("Plain ws://<host>:{} (subprotocol sip) and http://<host>:{}/ serve the same; health at"
                    + " http://<host>:{}/healthz", server.wsPort(), server.wsPort(), server.wsPort());
        }
    }

    private static void printHelp(PrintStream out) {
        out.print(CommandLine.usage());
        out.println();
        out.println("Configuration keys (defaults from config/wisp.conf; see README for how to override):");
        out.print(ConfigHelp.describe(ConfigLoader.defaults()));
    }
}

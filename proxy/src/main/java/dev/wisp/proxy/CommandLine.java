package dev.wisp.proxy;

import java.nio.file.Path;

/** The command line: {@code [--config FILE] [--help]}. */
record CommandLine(Path configFile, boolean help) {

    static CommandLine parse(String[] args) {
        Path config = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> help = true;
                case "-c", "--config" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a file");
                    }
                    config = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--config=")) {
                        config = Path.of(args[i].substring("--config=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
            }
        }
        return new CommandLine(config, help);
    }

    static String usage() {
        return """
                Usage: wisp [--config FILE]
                       wisp test          (the ./wisp launcher only: install test tools, run every test)

                wisp is a SIP-over-WebSocket (RFC 7118) proxy and registrar. With no options it
                listens for ws:// and http:// on 8080 and wss:// and https:// on 8443.

                Options:
                  -c, --config FILE   read configuration from FILE (HOCON, same layout as config/wisp.conf)
                  -h, --help          print this help and every configuration key

                Any key can also be set with an environment variable (WISP_WSS_PORT=443) or a system
                property (-Dwisp.wss.port=443; with ./wisp, through JAVA_OPTS). Properties win over
                variables, variables over the file, the file over the defaults.
                """;
    }
}

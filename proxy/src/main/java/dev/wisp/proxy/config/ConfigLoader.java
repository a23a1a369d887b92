package dev.wisp.proxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.wisp.proxy.ws.WebSocketSettings;
import dev.wisp.registrar.RegistrarConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads wisp's configuration: the defaults built into the jar (config/wisp.conf), then a file,
 * then WISP_ environment variables, then wisp. system properties, later ones winning. Every key
 * must be one wisp knows, so a typo stops start-up instead of being ignored.
 */
public final class ConfigLoader {

    static final String ROOT = "wisp";
    private static final String DEFAULTS_RESOURCE = "wisp.conf";
    private static final String ENV_PREFIX = "WISP_";

    private ConfigLoader() {
    }

    /** The built-in defaults, comments included (for --help). */
    public static Config defaults() {
        return ConfigFactory.parseResources(ConfigLoader.class, "/" + DEFAULTS_RESOURCE,
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    }

    public static WispConfig load(Path file, Map<String, String> environment, Properties systemProperties)
            throws InvalidConfigException {
        Config defaults = defaults();
        Map<String, ConfigValue> known = leaves(defaults);
        Config merged = defaults;
        try {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new InvalidConfigException("--config: " + file + " (expected: a readable file)");
                }
                Config fromFile = ConfigFactory.parseFile(file.toFile(),
                        ConfigParseOptions.defaults().setAllowMissing(false));
                rejectUnknown(fromFile, known, file.toString());
                merged = fromFile.withFallback(merged);
            }
            merged = overrides(environmentOverrides(environment, known), known).withFallback(merged);
            merged = overrides(propertyOverrides(systemProperties, known), known).withFallback(merged);
            return build(new Settings(merged.resolve().getConfig(ROOT)));
        } catch (ConfigException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    private static WispConfig build(Settings settings) throws InvalidConfigException {
        WebSocketSettings websocket = new WebSocketSettings(
                settings.bytes("websocket.max-message-size", 4096, 16 * 1024 * 1024),
                settings.positiveDuration("websocket.handshake-timeout"),
                settings.positiveDuration("websocket.ping-interval"),
                settings.strings("websocket.allowed-origins"));
        SipConfig sip = new SipConfig(new HashSet<>(settings.strings("sip.domains")),
                settings.optionalString("sip.advertised-host"), new HashSet<>(settings.strings("sip.aliases")));
        RegistrarConfig registrar;
        try {
            registrar = new RegistrarConfig(
                    settings.positiveDuration("registrar.min-expires"),
                    settings.positiveDuration("registrar.max-expires"),
                    settings.positiveDuration("registrar.default-expires"),
                    settings.integer("registrar.max-contacts", 1, 100_000),
                    sip.domains(),
                    settings.bool("registrar.remove-bindings-on-flow-close"),
                    settings.positiveDuration("registrar.sweep-interval"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
        String webRoot = settings.optionalString("http.web-root");
        return new WispConfig(
                listener(settings, "ws"),
                listener(settings, "wss"),
                tls(settings),
                websocket,
                sip,
                registrar,
                webRoot == null ? null : settings.directory("http.web-root"),
                settings.integer("limits.max-connections-per-ip", 1, 1_000_000));
    }

    private static ListenerConfig listener(Settings settings, String name) throws InvalidConfigException {
        return new ListenerConfig(settings.bool(name + ".enabled"), settings.host(name + ".host"),
                settings.integer(name + ".port", 0, 65535));
    }

    private static TlsConfig tls(Settings settings) throws InvalidConfigException {
        String certificate = settings.optionalString("tls.certificate");
        String key = settings.optionalString("tls.private-key");
        if ((certificate == null) != (key == null)) {
            throw new InvalidConfigException("tls.certificate and tls.private-key: only one is set"
                    + " (expected: both, or neither for a self-signed certificate)");
        }
        return new TlsConfig(
                certificate == null ? null : settings.file("tls.certificate"),
                key == null ? null : settings.file("tls.private-key"),
                Path.of(settings.string("tls.self-signed-dir")));
    }

    /** Every leaf key below wisp (e.g. "ws.port") with its default value. */
    public static Map<String, ConfigValue> leaves(Config defaults) {
        Map<String, ConfigValue> leaves = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : defaults.getConfig(ROOT).entrySet()) {
            leaves.put(entry.getKey(), entry.getValue());
        }
        return leaves;
    }

    /** The variable that overrides a key: WISP_ and the key upper-cased, dots and dashes as underscores. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> environmentOverrides(Map<String, String> environment,
            Map<String, ConfigValue> known) {
        Map<String, String> overrides = new TreeMap<>();
        for (String key : known.keySet()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }

    private static Map<String, String> propertyOverrides(Properties properties, Map<String, ConfigValue> known)
            throws InvalidConfigException {
        Map<String, String> overrides = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith(ROOT + ".")) {
                continue;
            }
            String key = name.substring(ROOT.length() + 1);
            if (!known.containsKey(key)) {
                throw new InvalidConfigException("-D" + name + ": unknown key (expected one of: "
                        + String.join(", ", known.keySet()) + ")");
            }
            overrides.put(key, properties.getProperty(name));
        }
        return overrides;
    }

    /** Overrides as config, each value typed like its default (lists split on commas). */
    private static Config overrides(Map<String, String> overrides, Map<String, ConfigValue> known) {
        Config config = ConfigFactory.empty();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            String raw = entry.getValue();
            Object value = known.get(entry.getKey()).valueType() == ConfigValueType.LIST
                    ? splitList(raw) : raw;
            config = config.withValue(ROOT + "." + entry.getKey(),
                    ConfigValueFactory.fromAnyRef(value, "override of " + entry.getKey()));
        }
        return config;
    }

    private static List<String> splitList(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static void rejectUnknown(Config fromFile, Map<String, ConfigValue> known, String source)
            throws InvalidConfigException {
        if (!fromFile.hasPath(ROOT)) {
            if (!fromFile.isEmpty()) {
                throw new InvalidConfigException(source + ": keys must be inside a \"wisp { }\" block (found: "
                        + String.join(", ", fromFile.root().keySet()) + ")");
            }
            return;
        }
        Set<String> unknown = new HashSet<>(fromFile.getConfig(ROOT).entrySet().stream()
                .map(Map.Entry::getKey).toList());
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidConfigException(source + ": unknown key wisp." + unknown.iterator().next()
                    + " (expected one of: " + String.join(", ", known.keySet()) + ")");
        }
    }
}

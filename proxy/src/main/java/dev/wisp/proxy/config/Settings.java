package dev.wisp.proxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Typed reads from the merged configuration. Every failure names the key, the value and what was
 * expected, in one line, so start-up can stop with exactly that.
 */
final class Settings {

    private final Config config;

    Settings(Config config) {
        this.config = config;
    }

    String string(String key) throws InvalidConfigException {
        try {
            return config.getString(key);
        } catch (ConfigException e) {
            throw invalid(key, "a string");
        }
    }

    /** A string, or null when it is empty. */
    String optionalString(String key) throws InvalidConfigException {
        String value = string(key).trim();
        return value.isEmpty() ? null : value;
    }

    boolean bool(String key) throws InvalidConfigException {
        try {
            return config.getBoolean(key);
        } catch (ConfigException e) {
            throw invalid(key, "true or false");
        }
    }

    int integer(String key, int min, int max) throws InvalidConfigException {
        int value;
        try {
            value = config.getInt(key);
        } catch (ConfigException e) {
            throw invalid(key, "an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, "between " + min + " and " + max);
        }
        return value;
    }

    int bytes(String key, int min, int max) throws InvalidConfigException {
        long value;
        try {
            value = config.getBytes(key);
        } catch (ConfigException e) {
            throw invalid(key, "a size such as 64KiB");
        }
        if (value < min || value > max) {
            throw invalid(key, "between " + min + " and " + max + " bytes");
        }
        return (int) value;
    }

    Duration positiveDuration(String key) throws InvalidConfigException {
        Duration value;
        try {
            value = config.getDuration(key);
        } catch (ConfigException e) {
            throw invalid(key, "a duration such as 30s");
        }
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, "> 0");
        }
        return value;
    }

    List<String> strings(String key) throws InvalidConfigException {
        try {
            return config.getStringList(key).stream().map(String::trim).toList();
        } catch (ConfigException e) {
            throw invalid(key, "a list of strings");
        }
    }

    String host(String key) throws InvalidConfigException {
        String value = string(key).trim();
        if (value.isEmpty() || value.contains(" ")) {
            throw invalid(key, "an address such as 0.0.0.0");
        }
        return value;
    }

    Path file(String key) throws InvalidConfigException {
        Path path = Path.of(string(key).trim());
        if (!Files.isReadable(path) || !Files.isRegularFile(path)) {
            throw invalid(key, "a readable file");
        }
        return path;
    }

    Path directory(String key) throws InvalidConfigException {
        Path path = Path.of(string(key).trim());
        if (!Files.isDirectory(path)) {
            throw invalid(key, "an existing directory");
        }
        return path;
    }

    private InvalidConfigException invalid(String key, String expected) {
        String shown;
        try {
            shown = config.getValue(key).render(com.typesafe.config.ConfigRenderOptions.concise());
        } catch (ConfigException e) {
            shown = "(missing)";
        }
        return new InvalidConfigException(key + ": " + shown + " (expected: " + expected + ")");
    }
}

package dev.wisp.proxy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import dev.wisp.proxy.config.ConfigLoader;
import java.util.Map;

/** Lists every configuration key for --help: default, environment variable, and its comment. */
final class ConfigHelp {

    private ConfigHelp() {
    }

    static String describe(Config defaults) {
        Map<String, ConfigValue> keys = ConfigLoader.leaves(defaults);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, ConfigValue> entry : keys.entrySet()) {
            String key = entry.getKey();
            ConfigValue value = entry.getValue();
            text.append("  ").append(key).append(" = ").append(value.render(ConfigRenderOptions.concise()))
                    .append("   [").append(ConfigLoader.environmentName(key)).append("]\n");
            for (String comment : value.origin().comments()) {
                text.append("      ").append(comment.trim()).append('\n');
            }
        }
        return text.toString();
    }
}

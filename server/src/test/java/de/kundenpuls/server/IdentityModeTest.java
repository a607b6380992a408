package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/** The production server's identity choice: Google or the Auth emulator, never the embedded stand-in. */
class IdentityModeTest {

    @Test
    void productionConfigurationMeansGoogle() {
        IdentityMode mode = IdentityMode.fromConfig(config(Map.of("firebase.project-id", "chain-prod",
                "push.project-id", "chain-push")));
        assertThat(mode).isEqualTo(new IdentityMode.Google("chain-prod", "chain-push", Optional.empty()));
    }

    @Test
    void anFcmEndpointIsKeptForPush() {
        IdentityMode mode = IdentityMode.fromConfig(config(Map.of("push.fcm-endpoint", " http://127.0.0.1:9 ")));
        assertThat(mode).isEqualTo(new IdentityMode.Google("kundenpuls-dev", "kundenpuls-dev", Optional.of("http://127.0.0.1:9")));
    }

    @Test
    void devSignInOrTheStandInCannotBeSwitchedOnInProduction() {
        for (String key : new String[] {"dev.enabled", "standin.enabled"}) {
            assertThatThrownBy(() -> IdentityMode.fromConfig(config(Map.of(key, "true"))))
                    .as(key).isInstanceOf(ServerStartException.class).hasMessageContaining("embedded build");
        }
    }

    @Test
    void theAuthEmulatorNeedsItsHostAndADemoProject() {
        // This JVM has no FIREBASE_AUTH_EMULATOR_HOST: asking for the emulator without it is refused.
        assertThat(System.getenv("FIREBASE_AUTH_EMULATOR_HOST")).isNull();
        assertThatThrownBy(() -> IdentityMode.fromConfig(config(Map.of("firebase.auth-emulator", "true",
                "firebase.project-id", "demo-test"))))
                .hasMessageContaining("FIREBASE_AUTH_EMULATOR_HOST is not set");
    }

    private static Config config(Map<String, String> values) {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(values)).build();
    }
}

package de.kundenpuls.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import de.kundenpuls.server.ServerStartException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded build's choice of sign-in: the stand-in or the Auth emulator, never both. */
class EmbeddedServerTest {

    @TempDir
    Path dir;

    @Test
    void theStandInAndTheAuthEmulatorAreNotCombined() {
        for (String key : new String[] {"dev.enabled", "standin.enabled"}) {
            Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                    .sources(ConfigSources.create(Map.of(key, "true", "firebase.auth-emulator", "true",
                            "storage.directory", dir.toString(), "server.port", "0", "observe.port", "0", "standin.port", "0")))
                    .build();
            assertThatThrownBy(() -> EmbeddedServer.start(config, Clock.systemUTC())).as(key)
                    .isInstanceOf(ServerStartException.class).hasMessageContaining("cannot be combined");
        }
    }
}

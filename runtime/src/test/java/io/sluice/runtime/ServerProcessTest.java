package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void aServerRunsOnItsOwnFreePortUntilClosed() throws Exception {
        ServerProcess nats = ServerProcess.start("nats-server", "/usr/sbin/nats-server",
                port -> List.of("-a", "127.0.0.1", "-p", Integer.toString(port)));
        assertThat(nats.port()).isNotEqualTo(4222);
        assertThat(nats.accepts()).isTrue();
        nats.close();
        assertThatThrownBy(nats::accepts).isInstanceOf(IllegalStateException.class);
    }
}

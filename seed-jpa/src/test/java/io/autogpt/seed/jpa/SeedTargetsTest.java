package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTargetsTest {
    @Test
    void aConnectionWhoseRollbackFailsIsClosedAllTheSame() {
        List<String> calls = new ArrayList<>();
        // A connection broken mid-run: rollback fails, as it does when the server has gone.
        Connection broken = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("rollback")) {
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    return null;
                });
        SeedTargets.closeQuietly(broken);
        assertThat(calls).containsExactly("rollback", "close");
    }
}

package io.beacon.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the heap has room: a JVM that is out of memory should be restarted. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return HealthCheckResponse.named("memory")
                .status(used < rt.maxMemory() * 0.95)
                .withData("usedBytes", used)
                .withData("maxBytes", rt.maxMemory())
                .build();
    }
}

package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The per-key rate limit, switched on in {@code etc/de.bewertungsbox.restapi.cfg}: 429 with Retry-After, per key. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RateLimitIT extends ItestSupport {

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Override
    protected Option[] extraOptions() {
        Option[] admin = adminAccount();
        return new Option[] {admin[0], admin[1],
            editConfigurationFilePut("etc/de.bewertungsbox.restapi.cfg", "rate_limit_per_minute", "5")};
    }

    private String newKey() throws Exception {
        Http admin = Http.admin("admin", ADMIN_PASSWORD);
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        Http.Answer a;
        while ((a = admin.json("POST", "projects", "{\"name\":\"Limited " + UUID.randomUUID() + "\"}")).status() != 201) {
            assertTrue("the REST API did not come up: " + a.body(), System.nanoTime() < deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        return new ObjectMapper().readTree(a.body()).get("api_key").asText();
    }

    @Test
    public void aKeyBeyondItsLimitGets429WithRetryAfterAndOtherKeysGoOn() throws Exception {
        Http first = Http.key(newKey());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, first.get("me").status());
        }
        Http.Answer limited = first.get("me");
        assertEquals(limited.body(), 429, limited.status());
        assertTrue(limited.header("Content-Type").startsWith("application/problem+json"));
        long retry = Long.parseLong(limited.header("Retry-After"));
        assertTrue("Retry-After " + retry, retry >= 1 && retry <= 12);
        assertEquals("another key has its own budget", 200, Http.key(newKey()).get("me").status());
    }
}

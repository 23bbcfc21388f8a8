package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressResolverTest {

    @ParameterizedTest(name = "trusted={0} peer={1} xff={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-|203.0.113.5|198.51.100.7|203.0.113.5",
        "10.0.0.0/8|203.0.113.5|198.51.100.7|203.0.113.5",
        "10.0.0.0/8|10.1.2.3|198.51.100.7|198.51.100.7",
        "10.0.0.0/8|10.1.2.3|198.51.100.7, 10.9.9.9|198.51.100.7",
        "10.0.0.0/8|10.1.2.3|6.6.6.6, 198.51.100.7|198.51.100.7",
        "10.0.0.0/8|10.1.2.3|not-an-ip|10.1.2.3",
        "10.0.0.0/8|10.1.2.3|-|10.1.2.3",
        "127.0.0.1|127.0.0.1|2001:db8::1|2001:db8::1",
        "192.168.1.0/25|192.168.1.200|198.51.100.7|192.168.1.200",
        "192.168.1.0/25|192.168.1.100|198.51.100.7|198.51.100.7",
        "::1, 127.0.0.1|0:0:0:0:0:0:0:1|198.51.100.7|198.51.100.7"})
    void forwarded_for_is_believed_only_from_trusted_proxies(String trusted, String peer, String xff, String expected) {
        String[] entries = trusted == null ? new String[0] : trusted.split(",\\s*");
        assertEquals(expected, new ClientAddressResolver(RestSettingsTestData.withTrustedProxies(entries))
                .resolve(peer, xff));
    }

    @ParameterizedTest
    @CsvSource({"example.com", "10.0.0.1/abc", "10.0.0.1/33", "::1/129", "10.0.0.1/-1"})
    void bad_trusted_proxy_configuration_is_refused_at_start(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestSettingsTestData.withTrustedProxies(spec));
        assertTrue(e.getMessage().startsWith("quarterdeck.http.trusted-proxies: "), e.getMessage());
    }
}

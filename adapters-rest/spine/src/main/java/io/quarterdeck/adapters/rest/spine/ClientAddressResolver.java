package io.quarterdeck.adapters.rest.spine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address. {@code X-Forwarded-For} is believed only when the direct peer is a configured trusted
 * proxy ({@link RestSettings#trustedProxies()}: addresses or CIDR blocks); then the right-most address that is
 * not itself a trusted proxy is the client.
 */
@ApplicationScoped
public class ClientAddressResolver {
    private final List<Cidr> trusted;

    @Inject
    public ClientAddressResolver(RestSettings settings) {
        this.trusted = parse(settings.trustedProxies());
    }

    /** For CDI proxies only. */
    protected ClientAddressResolver() {
        this.trusted = List.of();
    }

    public String resolve(String remoteAddr, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isLiteralAddress(hop)) {
                return remoteAddr;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remoteAddr;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr c : trusted) {
            if (c.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteralAddress(String s) {
        return literal(s) != null;
    }

    /** The bytes of an IP literal, or null: never a DNS look-up. */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 || !s.matches("[0-9A-Fa-f.:]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Addresses or CIDR blocks; anything else is refused, naming the configuration key. */
    static List<Cidr> parse(List<String> entries) {
        List<Cidr> out = new ArrayList<>();
        for (String entry : entries) {
            String p = entry.trim();
            String[] ab = p.split("/", 2);
            byte[] addr = literal(ab[0]);
            if (addr == null) {
                throw new IllegalArgumentException("quarterdeck.http.trusted-proxies: not an address: " + p);
            }
            int bits = ab.length == 2 ? prefix(p, ab[1], addr.length * 8) : addr.length * 8;
            out.add(new Cidr(addr, bits));
        }
        return List.copyOf(out);
    }

    private static int prefix(String entry, String bits, int max) {
        try {
            int n = Integer.parseInt(bits);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("quarterdeck.http.trusted-proxies: not a prefix length (0-" + max + "): "
                + entry);
    }

    record Cidr(byte[] network, int bits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}

package io.sluice.bloblang.lib;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Generated identifiers: ksuid, nanoid, ulid and snowflake. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String NANO = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final AtomicLong SEQ = new AtomicLong();

    private Ids() {
    }

    static String ksuid() {
        byte[] b = new byte[20];
        long ts = System.currentTimeMillis() / 1000 - 1400000000L;
        b[0] = (byte) (ts >>> 24);
        b[1] = (byte) (ts >>> 16);
        b[2] = (byte) (ts >>> 8);
        b[3] = (byte) ts;
        byte[] r = new byte[16];
        RANDOM.nextBytes(r);
        System.arraycopy(r, 0, b, 4, 16);
        BigInteger v = new BigInteger(1, b);
        StringBuilder s = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(base);
            s.append(B62.charAt(qr[1].intValue()));
            v = qr[0];
        }
        while (s.length() < 27) {
            s.append('0');
        }
        return s.reverse().toString();
    }

    static String nanoid(long length, String alphabet) {
        String a = alphabet == null ? NANO : alphabet;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(a.charAt(RANDOM.nextInt(a.length())));
        }
        return s.toString();
    }

    static String ulid(String encoding) {
        long ts = System.currentTimeMillis();
        byte[] b = new byte[16];
        for (int i = 5; i >= 0; i--) {
            b[i] = (byte) ts;
            ts >>>= 8;
        }
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        System.arraycopy(r, 0, b, 6, 10);
        if ("hex".equals(encoding)) {
            StringBuilder h = new StringBuilder();
            for (byte x : b) {
                h.append(String.format("%02x", x));
            }
            return h.toString();
        }
        BigInteger v = new BigInteger(1, b);
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD.charAt(v.intValue() & 31);
            v = v.shiftRight(5);
        }
        return new String(out);
    }

    static long snowflake(long node) {
        long ts = System.currentTimeMillis() - 1288834974657L;
        return (ts << 22) | ((node & 0x3ff) << 12) | (SEQ.getAndIncrement() & 0xfff);
    }
}

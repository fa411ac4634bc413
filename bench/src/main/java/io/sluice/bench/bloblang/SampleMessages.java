package io.sluice.bench.bloblang;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** The ~1 KiB JSON messages the benchmark maps, built once so every run sees the same bytes. */
final class SampleMessages {
    private SampleMessages() {
    }

    /** An order with a customer, an address, line items and some free text. */
    static byte[] order() {
        return bytes("{\"order_id\":\"ord-20931\",\"order_value\":1520.75,\"currency\":\"EUR\",\"status\":\"paid\","
                + "\"created_at\":\"2026-08-14T11:45:26Z\",\"channel\":\"web\","
                + "\"customer\":{\"id\":88213,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                + "\"tier\":\"gold\",\"phone\":\"+44 20 7946 0958\"},"
                + "\"shipping\":{\"street\":\"12 Analytical Engine Row\",\"city\":\"London\",\"postcode\":\"NW1 6XE\","
                + "\"country\":\"GB\",\"method\":\"express\"},"
                + "\"items\":[" + items(6, "{\"sku\":\"SKU-%d\",\"name\":\"Widget number %d\",\"qty\":%d,\"price\":%d.99}")
                + "],"
                + "\"notes\":\"Leave the parcel with the neighbour if nobody answers; the dog is friendly.\","
                + "\"tags\":[\"priority\",\"gift\",\"repeat-customer\"]}");
    }

    /** Text fields for the string methods. */
    static byte[] strings() {
        return bytes("{\"name\":\"ada lovelace\",\"title\":\"   Countess of Lovelace, first programmer   \","
                + "\"description\":\"The foo engine computes foo numbers; foo tables were printed by the foo press. "
                + "Notes on the foo engine describe foo loops, foo variables and foo cards punched for the foo mill, "
                + "which the foo store feeds with foo operands.\","
                + "\"tag_list\":\"mathematics,engines,poetry,science,notes,bernoulli,cards,loops,history,london\","
                + "\"biography\":\"Augusta Ada King, Countess of Lovelace, was an English mathematician and writer, "
                + "chiefly known for her work on the proposed mechanical general-purpose computer, the Analytical "
                + "Engine. She was the first to recognise that the machine had applications beyond pure calculation "
                + "and published the first algorithm intended to be carried out by such a machine.\","
                + "\"id\":1815}");
    }

    /** An array of 100 small objects. */
    static byte[] hundredObjects() {
        return bytes("{\"batch\":\"b-7\",\"items\":[" + items(100, "{\"id\":%d,\"v\":%d}") + "]}");
    }

    /** Two objects of about 500 bytes each, overlapping in some keys. */
    static byte[] twoObjects() {
        return bytes("{\"defaults\":{\"region\":\"eu-west-1\",\"retries\":3,\"timeout_ms\":2500,\"tls\":true,"
                + "\"labels\":{\"team\":\"payments\",\"tier\":\"gold\",\"env\":\"prod\"},\"endpoints\":[\"a\",\"b\"],"
                + "\"owner\":\"platform@example.com\",\"description\":\"Defaults shared by every payment route in the "
                + "gateway, overridden per route when needed.\",\"limits\":{\"rps\":500,\"burst\":50,\"queue\":1000}},"
                + "\"overrides\":{\"retries\":5,\"timeout_ms\":1000,\"labels\":{\"env\":\"staging\",\"canary\":\"yes\"},"
                + "\"endpoints\":[\"c\"],\"limits\":{\"rps\":100},\"feature_flags\":{\"new_router\":true,"
                + "\"shadow_traffic\":false},\"contact\":\"oncall-payments@example.com\",\"notes\":\"Staging override: "
                + "fewer requests per second and a shorter timeout, plus the canary label for dashboards.\"}}");
    }

    private static String items(int n, String pattern) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 1; i <= n; i++) {
            int args = pattern.split("%d", -1).length - 1;
            Object[] values = new Object[args];
            for (int a = 0; a < args; a++) {
                values[a] = i * (a + 1) % 97 + a;
            }
            j.add(String.format(pattern, values));
        }
        return j.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

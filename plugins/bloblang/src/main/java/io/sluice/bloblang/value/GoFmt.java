package io.sluice.bloblang.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Go's fmt %v rendering of maps, slices and byte slices (used in a few error texts and format()). */
public final class GoFmt {
    private GoFmt() {
    }

    public static String sprintV(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("<nil>");
        } else if (v instanceof Map) {
            Map<String, Object> m = Values.asObject(v);
            List<String> keys = new ArrayList<>(m.keySet());
            Collections.sort(keys);
            b.append("map[");
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                b.append(k).append(':');
                write(b, m.get(k));
            }
            b.append(']');
        } else if (v instanceof List) {
            b.append('[');
            boolean first = true;
            for (Object o : Values.asArray(v)) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                write(b, o);
            }
            b.append(']');
        } else if (v instanceof byte[]) {
            byte[] bs = (byte[]) v;
            b.append('[');
            for (int i = 0; i < bs.length; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(bs[i] & 0xff);
            }
            b.append(']');
        } else if (v instanceof Special) {
            b.append("<nil>");
        } else {
            b.append(Values.toStr(v));
        }
    }
}

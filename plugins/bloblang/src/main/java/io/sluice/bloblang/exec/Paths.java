package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dot paths as Bento (gabs) reads them: "~1" escapes a dot and "~0" a tilde. */
public final class Paths {
    private Paths() {
    }

    public static List<String> split(String dotPath) {
        List<String> out = new ArrayList<>();
        if (dotPath.isEmpty()) {
            return out;
        }
        for (String s : dotPath.split("\\.", -1)) {
            out.add(s.replace("~1", ".").replace("~0", "~"));
        }
        return out;
    }

    public static String join(List<String> path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(path.get(i).replace("~", "~0").replace(".", "~1"));
        }
        return b.toString();
    }

    /** Walks into objects (and arrays by index); a missing step yields null. */
    public static Object get(Object v, String[] path) {
        Object cur = v;
        for (String seg : path) {
            if (cur instanceof Map) {
                cur = ((Map<?, ?>) cur).get(seg);
            } else if (cur instanceof List) {
                List<Object> l = Values.asArray(cur);
                int i = parseIndex(seg);
                if (i < 0 || i >= l.size()) {
                    return null;
                }
                cur = l.get(i);
            } else {
                return null;
            }
        }
        return cur;
    }

    static int parseIndex(String seg) {
        if (seg.isEmpty() || seg.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

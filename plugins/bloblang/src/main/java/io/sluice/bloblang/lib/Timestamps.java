package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.time.ZonedDateTime;

/** Bento's IGetTimestamp: timestamps as is, numbers as unix seconds, strings as RFC 3339. */
final class Timestamps {
    private Timestamps() {
    }

    static ZonedDateTime toTimestamp(Object v) {
        if (v instanceof ZonedDateTime) {
            return (ZonedDateTime) v;
        }
        Object s = Values.sanitize(v);
        if (v instanceof JsonNum) {
            String t = ((JsonNum) v).text();
            try {
                return GoTime.unix(Long.parseLong(t), 0);
            } catch (NumberFormatException e) {
                s = ((JsonNum) v).doubleValue();
            }
        }
        if (s instanceof Long) {
            return GoTime.unix((Long) s, 0);
        }
        if (s instanceof Double) {
            double d = (Double) s;
            double whole = d < 0 ? Math.ceil(d) : Math.floor(d);
            long nanos = (long) ((d - whole) * 1e9);
            return GoTime.unix((long) whole, nanos);
        }
        if (s instanceof String || s instanceof byte[]) {
            return GoTime.parse(GoTime.RFC3339_NANO, Values.getString(s), GoTime.LOCAL);
        }
        throw new TypeError(v, "number", "string");
    }

    static EvalError err(String msg) {
        return new EvalError(msg);
    }
}

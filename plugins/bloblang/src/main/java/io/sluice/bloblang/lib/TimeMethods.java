package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.Values;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Timestamp methods with Go layouts. */
final class TimeMethods {
    private TimeMethods() {
    }

    private static ZoneId zone(String tz) {
        if (tz.equals("UTC") || tz.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (tz.equals("Local")) {
            return GoTime.LOCAL;
        }
        try {
            return ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new EvalError("unknown time zone " + tz);
        }
    }

    private static ZonedDateTime inZone(ZonedDateTime t, Object tz) {
        return tz == Param.ABSENT ? t : t.withZoneSameInstant(zone((String) tz));
    }

    private static ZonedDateTime parse(Object v, String layout, Object tz) {
        String s;
        if (!(v instanceof String) && !(v instanceof byte[])) {
            throw new io.sluice.bloblang.value.TypeError(v, "string");
        }
        s = Values.getString(v);
        return GoTime.parse(layout, s, tz == Param.ABSENT ? ZoneOffset.UTC : zone((String) tz));
    }

    static void register() {
        Library.method("ts_unix", Signature.of(), (v, a, c) -> Timestamps.toTimestamp(v).toEpochSecond());
        Library.method("ts_unix_milli", Signature.of(), (v, a, c) -> Timestamps.toTimestamp(v).toInstant().toEpochMilli());
        Library.method("ts_unix_micro", Signature.of(), (v, a, c) -> {
            ZonedDateTime t = Timestamps.toTimestamp(v);
            return t.toEpochSecond() * 1_000_000L + t.getNano() / 1000;
        });
        Library.method("ts_unix_nano", Signature.of(), (v, a, c) -> {
            ZonedDateTime t = Timestamps.toTimestamp(v);
            return t.toEpochSecond() * 1_000_000_000L + t.getNano();
        });
        Library.method("ts_format", Signature.of(def("format", Type.STRING, GoTime.RFC3339_NANO), opt("tz", Type.STRING)),
                (v, a, c) -> GoTime.format(inZone(Timestamps.toTimestamp(v), a[1]), (String) a[0]));
        Library.method("format_timestamp", Signature.of(def("format", Type.STRING, GoTime.RFC3339_NANO),
                opt("tz", Type.STRING)),
                (v, a, c) -> GoTime.format(inZone(Timestamps.toTimestamp(v), a[1]), (String) a[0]));
        Library.method("ts_parse", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> parse(v, (String) a[0], Param.ABSENT));
        Library.method("parse_timestamp", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> parse(v, (String) a[0], Param.ABSENT));
        Library.method("ts_tz", Signature.of(req("tz", Type.STRING)),
                (v, a, c) -> Timestamps.toTimestamp(v).withZoneSameInstant(zone((String) a[0])));
        Library.method("format_timestamp_unix", Signature.of(), (v, a, c) -> Timestamps.toTimestamp(v).toEpochSecond());
        Library.method("format_timestamp_unix_milli", Signature.of(),
                (v, a, c) -> Timestamps.toTimestamp(v).toInstant().toEpochMilli());
        Library.method("ts_sub", Signature.of(req("t2", Type.TIMESTAMP)), (v, a, c) -> {
            ZonedDateTime t = Timestamps.toTimestamp(v);
            ZonedDateTime t2 = (ZonedDateTime) a[0];
            return java.time.Duration.between(t2, t).toNanos();
        });
        Library.method("ts_round", Signature.of(req("duration", Type.INT)), (v, a, c) -> {
            ZonedDateTime t = Timestamps.toTimestamp(v);
            long d = (Long) a[0];
            if (d <= 0) {
                return t;
            }
            long nanos = t.toEpochSecond() * 1_000_000_000L + t.getNano();
            long r = Math.floorMod(nanos, d);
            long rounded = r + r < d ? nanos - r : nanos + (d - r);
            return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.floorDiv(rounded, 1_000_000_000L),
                    Math.floorMod(rounded, 1_000_000_000L)), t.getZone());
        });
        Library.method("parse_duration", Signature.of(), (v, a, c) -> GoDuration.parse(Values.getString(v)));
    }
}

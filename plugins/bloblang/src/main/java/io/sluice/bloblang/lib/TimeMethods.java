package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.TypeError;
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

    /** A zone from a {@code tz} argument, failing as Bento's constructors do. */
    private static ZoneId tzArg(Object tz) {
        if (tz == Param.ABSENT) {
            return null;
        }
        try {
            return zone((String) tz);
        } catch (EvalError e) {
            throw new EvalError("failed to parse timezone location name: " + e.getMessage());
        }
    }

    private static ZonedDateTime in(ZonedDateTime t, ZoneId zone) {
        return zone == null ? t : t.withZoneSameInstant(zone);
    }

    /** Every time method is a foldable Bento plugin: literal targets are evaluated while parsing. */
    private static void timeMethod(String name, Signature sig, Library.SimpleMethod impl) {
        Library.plugin(name, sig, true, impl);
    }

    private static void timeMethod(String name, Signature sig, Library.PluginFactory factory) {
        Library.pluginCtor(name, sig, true, factory);
    }

    static void register() {
        for (String prefix : new String[] {"ts_unix", "format_timestamp_unix"}) {
            timeMethod(prefix, Signature.of(), (v, a, c) -> Timestamps.toTimestamp(v).toEpochSecond());
            timeMethod(prefix + "_milli", Signature.of(), (v, a, c) -> Timestamps.toTimestamp(v).toInstant().toEpochMilli());
            timeMethod(prefix + "_micro", Signature.of(), (v, a, c) -> {
                ZonedDateTime t = Timestamps.toTimestamp(v);
                return t.toEpochSecond() * 1_000_000L + t.getNano() / 1000;
            });
            timeMethod(prefix + "_nano", Signature.of(), (v, a, c) -> {
                ZonedDateTime t = Timestamps.toTimestamp(v);
                return t.toEpochSecond() * 1_000_000_000L + t.getNano();
            });
        }
        for (String name : new String[] {"ts_format", "format_timestamp"}) {
            timeMethod(name, Signature.of(def("format", Type.STRING, GoTime.RFC3339_NANO), opt("tz", Type.STRING)), a -> {
                ZoneId zone = tzArg(a[1]);
                return (v, x, c) -> GoTime.format(in(Timestamps.toTimestamp(v), zone), (String) a[0]);
            });
        }
        for (String name : new String[] {"ts_strftime", "format_timestamp_strftime"}) {
            timeMethod(name, Signature.of(req("format", Type.STRING), opt("tz", Type.STRING)), a -> {
                ZoneId zone = tzArg(a[1]);
                return (v, x, c) -> Strftime.format(in(Timestamps.toTimestamp(v), zone), (String) a[0]);
            });
        }
        timeMethod("ts_parse", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> GoTime.parse((String) a[0], string(v), ZoneOffset.UTC));
        // the deprecated spellings return RFC 3339 strings rather than timestamps
        timeMethod("parse_timestamp", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> GoTime.formatRfc3339Nano(GoTime.parse((String) a[0], string(v), ZoneOffset.UTC)));
        timeMethod("ts_strptime", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> Strptime.parse(string(v), (String) a[0]));
        timeMethod("parse_timestamp_strptime", Signature.of(req("format", Type.STRING)),
                (v, a, c) -> GoTime.formatRfc3339Nano(Strptime.parse(string(v), (String) a[0])));
        timeMethod("ts_tz", Signature.of(req("tz", Type.STRING)), a -> {
            ZoneId zone = tzArg(a[0]);
            return (v, x, c) -> Timestamps.toTimestamp(v).withZoneSameInstant(zone);
        });
        timeMethod("ts_sub", Signature.of(req("t2", Type.TIMESTAMP)), (v, a, c) -> {
            ZonedDateTime t = Timestamps.toTimestamp(v);
            return java.time.Duration.between((ZonedDateTime) a[0], t).toNanos();
        });
        timeMethod("ts_add_iso8601", Signature.of(req("duration", Type.STRING)), a -> {
            IsoPeriod p = IsoPeriod.parse((String) a[0]);
            return (v, x, c) -> p.addTo(Timestamps.toTimestamp(v), false);
        });
        timeMethod("ts_sub_iso8601", Signature.of(req("duration", Type.STRING)), a -> {
            IsoPeriod p = IsoPeriod.parse((String) a[0]);
            return (v, x, c) -> p.addTo(Timestamps.toTimestamp(v), true);
        });
        timeMethod("ts_round", Signature.of(req("duration", Type.INT)), (v, a, c) -> round(Timestamps.toTimestamp(v), (Long) a[0]));
        timeMethod("parse_duration", Signature.of(), (v, a, c) -> GoDuration.parse(string(v)));
        timeMethod("parse_duration_iso8601", Signature.of(),
                (v, a, c) -> IsoPeriod.parse(string(v)).approximateNanos());
    }

    /** Bento's StringMethod: the target must be a string (or bytes). */
    private static String string(Object v) {
        if (!(v instanceof String) && !(v instanceof byte[])) {
            throw new TypeError(v, "string");
        }
        return Values.getString(v);
    }

    /** Go's Time.Round: halfway values round up. */
    private static ZonedDateTime round(ZonedDateTime t, long d) {
        if (d <= 0) {
            return t;
        }
        long nanos = t.toEpochSecond() * 1_000_000_000L + t.getNano();
        long r = Math.floorMod(nanos, d);
        long rounded = r + r < d ? nanos - r : nanos + (d - r);
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.floorDiv(rounded, 1_000_000_000L),
                Math.floorMod(rounded, 1_000_000_000L)), t.getZone());
    }
}

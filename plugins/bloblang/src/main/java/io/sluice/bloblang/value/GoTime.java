package io.sluice.bloblang.value;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's reference-time layouts ("2006-01-02T15:04:05Z07:00") for formatting and parsing. */
public final class GoTime {
    public static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
    public static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
    /** Go's time.Local; tests and the reference run in UTC. */
    public static final ZoneId LOCAL = ZoneId.systemDefault();

    private GoTime() {
    }

    public static String formatRfc3339Nano(ZonedDateTime t) {
        return format(t, RFC3339_NANO);
    }

    public static ZonedDateTime unix(long seconds, long nanos) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), LOCAL);
    }

    // ---- layout tokens -------------------------------------------------------------------------

    private enum Std {
        NONE, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
        UNDER_YEARDAY, ZERO_YEARDAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM, LOWER_PM, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ,
        ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
        FRAC_ZERO, FRAC_NINE
    }

    /** One chunk of a layout: literal prefix, token, and (for fractions) the digit count. */
    private static final class Chunk {
        String prefix;
        Std std = Std.NONE;
        int fracDigits;
        char fracSep;
        String suffix;
    }

    private static boolean startsWithLowerCase(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static Chunk nextChunk(String layout) {
        Chunk c = new Chunk();
        for (int i = 0; i < layout.length(); i++) {
            char ch = layout.charAt(i);
            String rest = layout.substring(i);
            Std std = Std.NONE;
            int len = 0;
            switch (ch) {
                case 'J':
                    if (rest.startsWith("Jan")) {
                        if (rest.startsWith("January")) {
                            std = Std.LONG_MONTH;
                            len = 7;
                        } else if (!startsWithLowerCase(rest, 3)) {
                            std = Std.MONTH;
                            len = 3;
                        }
                    }
                    break;
                case 'M':
                    if (rest.startsWith("Mon")) {
                        if (rest.startsWith("Monday")) {
                            std = Std.LONG_WEEKDAY;
                            len = 6;
                        } else if (!startsWithLowerCase(rest, 3)) {
                            std = Std.WEEKDAY;
                            len = 3;
                        }
                    }
                    if (rest.startsWith("MST")) {
                        std = Std.TZ;
                        len = 3;
                    }
                    break;
                case '0':
                    if (rest.length() >= 2 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
                        std = new Std[] {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
                            Std.ZERO_SECOND, Std.YEAR}[rest.charAt(1) - '1'];
                        len = 2;
                    } else if (rest.startsWith("002")) {
                        std = Std.ZERO_YEARDAY;
                        len = 3;
                    }
                    break;
                case '1':
                    if (rest.startsWith("15")) {
                        std = Std.HOUR;
                        len = 2;
                    } else {
                        std = Std.NUM_MONTH;
                        len = 1;
                    }
                    break;
                case '2':
                    if (rest.startsWith("2006")) {
                        std = Std.LONG_YEAR;
                        len = 4;
                    } else {
                        std = Std.DAY;
                        len = 1;
                    }
                    break;
                case '_':
                    if (rest.startsWith("_2")) {
                        if (rest.startsWith("_2006")) {
                            // "_" followed by a year is a literal underscore
                            c.prefix = layout.substring(0, i + 1);
                            c.std = Std.LONG_YEAR;
                            c.suffix = layout.substring(i + 5);
                            return c;
                        }
                        std = Std.UNDER_DAY;
                        len = 2;
                    }
                    if (rest.startsWith("__2")) {
                        std = Std.UNDER_YEARDAY;
                        len = 3;
                    }
                    break;
                case '3':
                    std = Std.HOUR12;
                    len = 1;
                    break;
                case '4':
                    std = Std.MINUTE;
                    len = 1;
                    break;
                case '5':
                    std = Std.SECOND;
                    len = 1;
                    break;
                case 'P':
                    if (rest.startsWith("PM")) {
                        std = Std.PM;
                        len = 2;
                    }
                    break;
                case 'p':
                    if (rest.startsWith("pm")) {
                        std = Std.LOWER_PM;
                        len = 2;
                    }
                    break;
                case '-':
                    if (rest.startsWith("-07:00:00")) {
                        std = Std.NUM_COLON_SECONDS_TZ;
                        len = 9;
                    } else if (rest.startsWith("-070000")) {
                        std = Std.NUM_SECONDS_TZ;
                        len = 7;
                    } else if (rest.startsWith("-07:00")) {
                        std = Std.NUM_COLON_TZ;
                        len = 6;
                    } else if (rest.startsWith("-0700")) {
                        std = Std.NUM_TZ;
                        len = 5;
                    } else if (rest.startsWith("-07")) {
                        std = Std.NUM_SHORT_TZ;
                        len = 3;
                    }
                    break;
                case 'Z':
                    if (rest.startsWith("Z07:00:00")) {
                        std = Std.ISO8601_COLON_SECONDS_TZ;
                        len = 9;
                    } else if (rest.startsWith("Z070000")) {
                        std = Std.ISO8601_SECONDS_TZ;
                        len = 7;
                    } else if (rest.startsWith("Z07:00")) {
                        std = Std.ISO8601_COLON_TZ;
                        len = 6;
                    } else if (rest.startsWith("Z0700")) {
                        std = Std.ISO8601_TZ;
                        len = 5;
                    } else if (rest.startsWith("Z07")) {
                        std = Std.ISO8601_SHORT_TZ;
                        len = 3;
                    }
                    break;
                case '.':
                case ',':
                    if (rest.length() >= 2 && (rest.charAt(1) == '0' || rest.charAt(1) == '9')) {
                        char d = rest.charAt(1);
                        int j = 1;
                        while (j < rest.length() && rest.charAt(j) == d) {
                            j++;
                        }
                        if (!isDigit(rest, j)) {
                            c.prefix = layout.substring(0, i);
                            c.std = d == '0' ? Std.FRAC_ZERO : Std.FRAC_NINE;
                            c.fracDigits = j - 1;
                            c.fracSep = ch;
                            c.suffix = layout.substring(i + j);
                            return c;
                        }
                    }
                    break;
                default:
                    break;
            }
            if (std != Std.NONE) {
                c.prefix = layout.substring(0, i);
                c.std = std;
                c.suffix = layout.substring(i + len);
                return c;
            }
        }
        c.prefix = layout;
        c.suffix = "";
        return c;
    }

    // ---- formatting ----------------------------------------------------------------------------

    private static void pad(StringBuilder b, long v, int width) {
        String s = Long.toString(Math.abs(v));
        if (v < 0) {
            b.append('-');
        }
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    public static String format(ZonedDateTime t, String layout) {
        StringBuilder b = new StringBuilder();
        String rest = layout;
        while (!rest.isEmpty()) {
            Chunk c = nextChunk(rest);
            b.append(c.prefix);
            if (c.std == Std.NONE) {
                break;
            }
            rest = c.suffix;
            formatStd(b, t, c);
        }
        return b.toString();
    }

    private static void formatStd(StringBuilder b, ZonedDateTime t, Chunk c) {
        int offset = t.getOffset().getTotalSeconds();
        switch (c.std) {
            case LONG_YEAR:
                pad(b, t.getYear(), 4);
                break;
            case YEAR:
                pad(b, Math.floorMod(t.getYear(), 100), 2);
                break;
            case LONG_MONTH:
                b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case MONTH:
                b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case NUM_MONTH:
                b.append(t.getMonthValue());
                break;
            case ZERO_MONTH:
                pad(b, t.getMonthValue(), 2);
                break;
            case LONG_WEEKDAY:
                b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case WEEKDAY:
                b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case DAY:
                b.append(t.getDayOfMonth());
                break;
            case UNDER_DAY:
                if (t.getDayOfMonth() < 10) {
                    b.append(' ');
                }
                b.append(t.getDayOfMonth());
                break;
            case ZERO_DAY:
                pad(b, t.getDayOfMonth(), 2);
                break;
            case UNDER_YEARDAY: {
                int d = t.getDayOfYear();
                if (d < 100) {
                    b.append(' ');
                    if (d < 10) {
                        b.append(' ');
                    }
                }
                b.append(d);
                break;
            }
            case ZERO_YEARDAY:
                pad(b, t.getDayOfYear(), 3);
                break;
            case HOUR:
                pad(b, t.getHour(), 2);
                break;
            case HOUR12: {
                int h = t.getHour() % 12;
                b.append(h == 0 ? 12 : h);
                break;
            }
            case ZERO_HOUR12: {
                int h = t.getHour() % 12;
                pad(b, h == 0 ? 12 : h, 2);
                break;
            }
            case MINUTE:
                b.append(t.getMinute());
                break;
            case ZERO_MINUTE:
                pad(b, t.getMinute(), 2);
                break;
            case SECOND:
                b.append(t.getSecond());
                break;
            case ZERO_SECOND:
                pad(b, t.getSecond(), 2);
                break;
            case PM:
                b.append(t.getHour() >= 12 ? "PM" : "AM");
                break;
            case LOWER_PM:
                b.append(t.getHour() >= 12 ? "pm" : "am");
                break;
            case ISO8601_TZ:
            case ISO8601_COLON_TZ:
            case ISO8601_SECONDS_TZ:
            case ISO8601_SHORT_TZ:
            case ISO8601_COLON_SECONDS_TZ:
            case NUM_TZ:
            case NUM_COLON_TZ:
            case NUM_SECONDS_TZ:
            case NUM_SHORT_TZ:
            case NUM_COLON_SECONDS_TZ: {
                boolean iso = c.std.name().startsWith("ISO");
                if (iso && offset == 0) {
                    b.append('Z');
                    break;
                }
                int zone = offset / 60;
                int abs = Math.abs(offset);
                b.append(zone < 0 || offset < 0 ? '-' : '+');
                int az = Math.abs(zone);
                pad(b, az / 60, 2);
                boolean colon = c.std == Std.ISO8601_COLON_TZ || c.std == Std.NUM_COLON_TZ
                        || c.std == Std.ISO8601_COLON_SECONDS_TZ || c.std == Std.NUM_COLON_SECONDS_TZ;
                boolean shortTz = c.std == Std.ISO8601_SHORT_TZ || c.std == Std.NUM_SHORT_TZ;
                if (!shortTz) {
                    if (colon) {
                        b.append(':');
                    }
                    pad(b, az % 60, 2);
                }
                if (c.std == Std.ISO8601_SECONDS_TZ || c.std == Std.NUM_SECONDS_TZ
                        || c.std == Std.ISO8601_COLON_SECONDS_TZ || c.std == Std.NUM_COLON_SECONDS_TZ) {
                    if (colon) {
                        b.append(':');
                    }
                    pad(b, abs % 60, 2);
                }
                break;
            }
            case TZ: {
                String abbr = zoneAbbreviation(t);
                if (abbr != null) {
                    b.append(abbr);
                } else {
                    int zone = offset / 60;
                    b.append(zone < 0 ? '-' : '+');
                    int az = Math.abs(zone);
                    pad(b, az / 60, 2);
                    pad(b, az % 60, 2);
                }
                break;
            }
            case FRAC_ZERO:
            case FRAC_NINE: {
                String nanos = String.format("%09d", t.getNano());
                String digits = nanos.substring(0, Math.min(9, c.fracDigits));
                if (c.std == Std.FRAC_NINE) {
                    int end = digits.length();
                    while (end > 0 && digits.charAt(end - 1) == '0') {
                        end--;
                    }
                    digits = digits.substring(0, end);
                    if (digits.isEmpty()) {
                        break;
                    }
                }
                b.append(c.fracSep).append(digits);
                break;
            }
            default:
                break;
        }
    }

    /** The zone abbreviation Go's {@code t.Zone()} reports, or null when it has none (fixed offsets). */
    public static String zoneName(ZonedDateTime t) {
        return zoneAbbreviation(t);
    }

    private static String zoneAbbreviation(ZonedDateTime t) {
        ZoneId z = t.getZone();
        if (z instanceof ZoneOffset) {
            return ((ZoneOffset) z).getTotalSeconds() == 0 ? "UTC" : null;
        }
        if (z.getId().equals("UTC") || z.getId().equals("Etc/UTC")) {
            return "UTC";
        }
        String s = z.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        boolean dst = z.getRules().isDaylightSavings(t.toInstant());
        String name = java.util.TimeZone.getTimeZone(z).getDisplayName(dst, java.util.TimeZone.SHORT, Locale.ENGLISH);
        if (name.startsWith("GMT") && name.length() > 3) {
            return null;
        }
        return name.isEmpty() ? s : name;
    }

    // ---- parsing -------------------------------------------------------------------------------

    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};

    private static EvalError parseError(String value, String layout, String valueElem, String layoutElem, String msg) {
        String q = "\"";
        if (msg != null) {
            return new EvalError("parsing time " + q + value + q + msg);
        }
        return new EvalError("parsing time " + q + value + q + " as " + q + layout + q + ": cannot parse " + q
                + valueElem + q + " as " + q + layoutElem + q);
    }

    private static int lookup(String[] names, String value, int len) {
        for (int i = 0; i < names.length; i++) {
            String n = len > 0 ? names[i].substring(0, len) : names[i];
            if (value.length() >= n.length() && value.substring(0, n.length()).equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    /** Parses with a Go layout; when the value has no zone, {@code defaultZone} applies. */
    public static ZonedDateTime parse(String layout, String value, ZoneId defaultZone) {
        String alayout = layout;
        String avalue = value;
        int year = 1;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        boolean pmSet = false;
        boolean amSet = false;
        Integer zoneOffset = null;
        String zoneName = null;
        String rest = layout;
        while (true) {
            Chunk c = nextChunk(rest);
            String prefix = c.prefix;
            String stdstr = rest.substring(prefix.length(), rest.length() - c.suffix.length());
            // skip the literal prefix
            String v = skipPrefix(prefix, value);
            if (v == null) {
                throw parseError(avalue, alayout, value, prefix, null);
            }
            value = v;
            if (c.std == Std.NONE) {
                if (!value.isEmpty()) {
                    throw parseError(avalue, alayout, null, null, ": extra text: \"" + value + "\"");
                }
                break;
            }
            rest = c.suffix;
            String hold = value;
            boolean rangeErr = false;
            try {
                switch (c.std) {
                    case YEAR: {
                        if (value.length() < 2 || !isDigit(value, 0) || !isDigit(value, 1)) {
                            throw new IllegalArgumentException();
                        }
                        year = Integer.parseInt(value.substring(0, 2));
                        year += year >= 69 ? 1900 : 2000;
                        value = value.substring(2);
                        break;
                    }
                    case LONG_YEAR: {
                        if (value.length() < 4 || !isDigit(value, 0)) {
                            throw new IllegalArgumentException();
                        }
                        year = Integer.parseInt(value.substring(0, 4));
                        value = value.substring(4);
                        break;
                    }
                    case MONTH:
                    case LONG_MONTH: {
                        int idx = lookup(LONG_MONTHS, value, c.std == Std.MONTH ? 3 : 0);
                        if (idx < 0) {
                            throw new IllegalArgumentException();
                        }
                        month = idx + 1;
                        value = value.substring(c.std == Std.MONTH ? 3 : LONG_MONTHS[idx].length());
                        break;
                    }
                    case NUM_MONTH:
                    case ZERO_MONTH: {
                        int[] r = getNum(value, c.std == Std.ZERO_MONTH);
                        month = r[0];
                        value = value.substring(r[1]);
                        rangeErr = month <= 0 || month > 12;
                        break;
                    }
                    case WEEKDAY:
                    case LONG_WEEKDAY: {
                        int idx = lookup(LONG_DAYS, value, c.std == Std.WEEKDAY ? 3 : 0);
                        if (idx < 0) {
                            throw new IllegalArgumentException();
                        }
                        value = value.substring(c.std == Std.WEEKDAY ? 3 : LONG_DAYS[idx].length());
                        break;
                    }
                    case DAY:
                    case UNDER_DAY:
                    case ZERO_DAY: {
                        if (c.std == Std.UNDER_DAY && value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                        int[] r = getNum(value, c.std == Std.ZERO_DAY);
                        day = r[0];
                        value = value.substring(r[1]);
                        break;
                    }
                    case UNDER_YEARDAY:
                    case ZERO_YEARDAY: {
                        int i = 0;
                        while (c.std == Std.UNDER_YEARDAY && i < 2 && value.startsWith(" ")) {
                            value = value.substring(1);
                            i++;
                        }
                        int[] r = getNum3(value, c.std == Std.ZERO_YEARDAY);
                        yday = r[0];
                        value = value.substring(r[1]);
                        rangeErr = yday < 1 || yday > 366;
                        break;
                    }
                    case HOUR: {
                        int[] r = getNum(value, false);
                        hour = r[0];
                        value = value.substring(r[1]);
                        rangeErr = hour < 0 || hour >= 24;
                        break;
                    }
                    case HOUR12:
                    case ZERO_HOUR12: {
                        int[] r = getNum(value, c.std == Std.ZERO_HOUR12);
                        hour = r[0];
                        value = value.substring(r[1]);
                        rangeErr = hour < 0 || hour > 12;
                        break;
                    }
                    case MINUTE:
                    case ZERO_MINUTE: {
                        int[] r = getNum(value, c.std == Std.ZERO_MINUTE);
                        min = r[0];
                        value = value.substring(r[1]);
                        rangeErr = min < 0 || min >= 60;
                        break;
                    }
                    case SECOND:
                    case ZERO_SECOND: {
                        int[] r = getNum(value, c.std == Std.ZERO_SECOND);
                        sec = r[0];
                        value = value.substring(r[1]);
                        rangeErr = sec < 0 || sec >= 60;
                        if (rangeErr) {
                            break;
                        }
                        // fractional seconds may follow even when the layout has none
                        if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',')
                                && isDigit(value, 1)) {
                            Chunk next = nextChunk(rest);
                            if (next.prefix.isEmpty() && (next.std == Std.FRAC_ZERO || next.std == Std.FRAC_NINE)) {
                                break;
                            }
                            int n = 1;
                            while (n < value.length() && isDigit(value, n)) {
                                n++;
                            }
                            nsec = parseNanos(value, n);
                            value = value.substring(n);
                        }
                        break;
                    }
                    case PM: {
                        if (value.length() < 2) {
                            throw new IllegalArgumentException();
                        }
                        String p = value.substring(0, 2);
                        if (p.equals("PM")) {
                            pmSet = true;
                        } else if (p.equals("AM")) {
                            amSet = true;
                        } else {
                            throw new IllegalArgumentException();
                        }
                        value = value.substring(2);
                        break;
                    }
                    case LOWER_PM: {
                        if (value.length() < 2) {
                            throw new IllegalArgumentException();
                        }
                        String p = value.substring(0, 2);
                        if (p.equals("pm")) {
                            pmSet = true;
                        } else if (p.equals("am")) {
                            amSet = true;
                        } else {
                            throw new IllegalArgumentException();
                        }
                        value = value.substring(2);
                        break;
                    }
                    case ISO8601_TZ:
                    case ISO8601_COLON_TZ:
                    case ISO8601_SECONDS_TZ:
                    case ISO8601_SHORT_TZ:
                    case ISO8601_COLON_SECONDS_TZ:
                    case NUM_TZ:
                    case NUM_SHORT_TZ:
                    case NUM_COLON_TZ:
                    case NUM_SECONDS_TZ:
                    case NUM_COLON_SECONDS_TZ: {
                        if (c.std.name().startsWith("ISO") && value.startsWith("Z")) {
                            value = value.substring(1);
                            zoneOffset = 0;
                            zoneName = "UTC";
                            break;
                        }
                        String sign;
                        String hh;
                        String mm = "00";
                        String ss = "00";
                        if (c.std == Std.ISO8601_COLON_TZ || c.std == Std.NUM_COLON_TZ) {
                            if (value.length() < 6 || value.charAt(3) != ':') {
                                throw new IllegalArgumentException();
                            }
                            sign = value.substring(0, 1);
                            hh = value.substring(1, 3);
                            mm = value.substring(4, 6);
                            value = value.substring(6);
                        } else if (c.std == Std.NUM_SHORT_TZ || c.std == Std.ISO8601_SHORT_TZ) {
                            if (value.length() < 3) {
                                throw new IllegalArgumentException();
                            }
                            sign = value.substring(0, 1);
                            hh = value.substring(1, 3);
                            value = value.substring(3);
                        } else if (c.std == Std.ISO8601_COLON_SECONDS_TZ || c.std == Std.NUM_COLON_SECONDS_TZ) {
                            if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
                                throw new IllegalArgumentException();
                            }
                            sign = value.substring(0, 1);
                            hh = value.substring(1, 3);
                            mm = value.substring(4, 6);
                            ss = value.substring(7, 9);
                            value = value.substring(9);
                        } else if (c.std == Std.ISO8601_SECONDS_TZ || c.std == Std.NUM_SECONDS_TZ) {
                            if (value.length() < 7) {
                                throw new IllegalArgumentException();
                            }
                            sign = value.substring(0, 1);
                            hh = value.substring(1, 3);
                            mm = value.substring(3, 5);
                            ss = value.substring(5, 7);
                            value = value.substring(7);
                        } else {
                            if (value.length() < 5) {
                                throw new IllegalArgumentException();
                            }
                            sign = value.substring(0, 1);
                            hh = value.substring(1, 3);
                            mm = value.substring(3, 5);
                            value = value.substring(5);
                        }
                        int h = Integer.parseInt(hh);
                        int m = Integer.parseInt(mm);
                        int s = Integer.parseInt(ss);
                        int off = (h * 60 + m) * 60 + s;
                        if (sign.equals("-")) {
                            off = -off;
                        } else if (!sign.equals("+")) {
                            throw new IllegalArgumentException();
                        }
                        zoneOffset = off;
                        break;
                    }
                    case TZ: {
                        if (value.length() >= 3 && value.startsWith("UTC")) {
                            zoneName = "UTC";
                            zoneOffset = 0;
                            value = value.substring(3);
                            break;
                        }
                        int n = 0;
                        while (n < value.length() && Character.isUpperCase(value.charAt(n))) {
                            n++;
                        }
                        if (n < 3) {
                            throw new IllegalArgumentException();
                        }
                        zoneName = value.substring(0, n);
                        value = value.substring(n);
                        break;
                    }
                    case FRAC_ZERO: {
                        int ndigit = 1 + c.fracDigits;
                        if (value.length() < ndigit) {
                            throw new IllegalArgumentException();
                        }
                        nsec = parseNanos(value, ndigit);
                        value = value.substring(ndigit);
                        break;
                    }
                    case FRAC_NINE: {
                        if (value.length() < 2 || (value.charAt(0) != '.' && value.charAt(0) != ',')
                                || !isDigit(value, 1)) {
                            break;
                        }
                        int n = 1;
                        while (n < 10 && isDigit(value, n)) {
                            n++;
                        }
                        nsec = parseNanos(value, n);
                        value = value.substring(n);
                        break;
                    }
                    default:
                        break;
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw parseError(avalue, alayout, hold, stdstr, null);
            }
            if (rangeErr) {
                throw parseError(avalue, alayout, null, null, ": " + rangeName(c.std) + " out of range");
            }
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            LocalDate d = LocalDate.ofYearDay(year, Math.min(yday, LocalDate.of(year, 1, 1).lengthOfYear()));
            if (month < 0) {
                month = d.getMonthValue();
            }
            if (day < 0) {
                day = d.getDayOfMonth();
            }
        }
        if (month < 0) {
            month = 1;
        }
        if (day < 0) {
            day = 1;
        }
        if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            throw parseError(avalue, alayout, null, null, ": day out of range");
        }
        LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
        if (zoneOffset != null) {
            if (zoneOffset == 0 && "UTC".equals(zoneName)) {
                return ZonedDateTime.of(ldt, ZoneOffset.UTC);
            }
            if (defaultZone != null && !(defaultZone instanceof ZoneOffset)) {
                ZonedDateTime local = ZonedDateTime.ofLocal(ldt, defaultZone, null);
                if (local.getOffset().getTotalSeconds() == zoneOffset) {
                    return local;
                }
            }
            return ZonedDateTime.of(ldt, ZoneOffset.ofTotalSeconds(zoneOffset));
        }
        if (zoneName != null) {
            try {
                return ZonedDateTime.of(ldt, ZoneId.of(zoneName, ZoneId.SHORT_IDS));
            } catch (RuntimeException e) {
                return ZonedDateTime.of(ldt, ZoneOffset.UTC);
            }
        }
        return ZonedDateTime.of(ldt, defaultZone == null ? ZoneOffset.UTC : defaultZone);
    }

    private static String rangeName(Std std) {
        switch (std) {
            case NUM_MONTH:
            case ZERO_MONTH:
                return "month";
            case HOUR:
            case HOUR12:
            case ZERO_HOUR12:
                return "hour";
            case MINUTE:
            case ZERO_MINUTE:
                return "minute";
            case SECOND:
            case ZERO_SECOND:
                return "second";
            default:
                return "day-of-year";
        }
    }

    private static int parseNanos(String value, int n) {
        String digits = value.substring(1, Math.min(n, 10));
        StringBuilder b = new StringBuilder(digits);
        while (b.length() < 9) {
            b.append('0');
        }
        return Integer.parseInt(b.toString());
    }

    private static int[] getNum(String s, boolean fixed) {
        if (!isDigit(s, 0)) {
            throw new IllegalArgumentException();
        }
        if (!isDigit(s, 1)) {
            if (fixed) {
                throw new IllegalArgumentException();
            }
            return new int[] {s.charAt(0) - '0', 1};
        }
        return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
    }

    private static int[] getNum3(String s, boolean fixed) {
        int n = 0;
        int v = 0;
        while (n < 3 && isDigit(s, n)) {
            v = v * 10 + (s.charAt(n) - '0');
            n++;
        }
        if (n == 0 || (fixed && n != 3)) {
            throw new IllegalArgumentException();
        }
        return new int[] {v, n};
    }

    private static String skipPrefix(String prefix, String value) {
        while (!prefix.isEmpty()) {
            if (prefix.charAt(0) == ' ') {
                if (!value.isEmpty() && value.charAt(0) != ' ') {
                    return null;
                }
                prefix = prefix.stripLeading();
                value = value.stripLeading();
                continue;
            }
            if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
                return null;
            }
            prefix = prefix.substring(1);
            value = value.substring(1);
        }
        return value;
    }

    public static DayOfWeek weekday(ZonedDateTime t) {
        return t.getDayOfWeek();
    }
}

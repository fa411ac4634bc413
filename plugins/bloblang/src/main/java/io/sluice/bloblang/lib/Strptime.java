package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * strptime parsing as Bento's {@code ts_strptime} does it (the itchyny/timefmt-go dialect): fields
 * default to 1900-01-01 00:00:00 UTC, out-of-range dates roll over as Go's {@code time.Date} does,
 * and errors read {@code failed to parse "x" with "%Y": cannot parse "%Y"}.
 */
final class Strptime {
    private final String source;
    private final String format;
    private int pos;

    private int year = 1900;
    private int month = 1;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int nano;
    private int yearDay;
    private int week;
    /** 1 = Sunday .. 7 = Saturday, 0 when not given. */
    private int weekday;
    private int century = -1;
    /** The weekday a week-number directive counts from (0 Sunday, 1 Monday, 4 ISO), or -1. */
    private int weekStart = -1;
    private boolean pm;
    private boolean isoYear;
    private ZoneId zone = ZoneOffset.UTC;

    private Strptime(String source, String format) {
        this.source = source;
        this.format = format;
    }

    static ZonedDateTime parse(String source, String format) {
        Strptime p = new Strptime(source, format);
        try {
            p.run(format);
            return p.result();
        } catch (EvalError e) {
            throw new EvalError("failed to parse " + quote(source) + " with " + quote(format) + ": " + e.getMessage());
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder();
        GoJson.quote(b, s, false);
        return b.toString();
    }

    private void run(String fmt) {
        for (int i = 0; i < fmt.length(); i++) {
            char b = fmt.charAt(i);
            if (b != '%') {
                literal(b);
                continue;
            }
            if (++i == fmt.length()) {
                throw new EvalError("stray \"%\"");
            }
            b = fmt.charAt(i);
            String parts = Strftime.composite(b);
            if (parts != null) {
                run(parts);
            } else if (b == ':') {
                int colons = 1;
                while (i + 1 < fmt.length() && fmt.charAt(i + 1) == ':' && colons < 3) {
                    i++;
                    colons++;
                }
                if (i + 1 >= fmt.length() || fmt.charAt(i + 1) != 'z') {
                    throw new EvalError("expected 'z' after \"%" + ":".repeat(colons) + "\"");
                }
                i++;
                offset();
            } else {
                directive(b);
            }
        }
        if (pos < source.length()) {
            throw new EvalError("unparsed string " + quote(source.substring(pos)));
        }
    }

    private void literal(char b) {
        if (pos >= source.length() || source.charAt(pos) != b) {
            throw new EvalError("expected '" + b + "'");
        }
        pos++;
    }

    private void skipOneSpace() {
        if (pos < source.length() && source.charAt(pos) == ' ') {
            pos++;
        }
    }

    private int sign() {
        if (pos < source.length() && (source.charAt(pos) == '-' || source.charAt(pos) == '+')) {
            return source.charAt(pos++) == '-' ? -1 : 1;
        }
        return 1;
    }

    /** Up to {@code digits} digits in [min, max]. */
    private int number(int digits, int min, int max, char directive) {
        int start = pos;
        long v = 0;
        int end = Math.min(source.length(), pos + digits);
        while (pos < end && Character.isDigit(source.charAt(pos))) {
            v = v * 10 + (source.charAt(pos++) - '0');
        }
        if (pos == start || v < min || v > max) {
            throw cannotParse(directive);
        }
        return (int) v;
    }

    private static EvalError cannotParse(char directive) {
        return new EvalError("cannot parse \"%" + directive + "\"");
    }

    /** Case-insensitive match of one of the names; returns its index + 1. */
    private int name(String[] names, char directive) {
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            if (source.regionMatches(true, pos, n, 0, n.length())) {
                pos += n.length();
                return i + 1;
            }
        }
        throw cannotParse(directive);
    }

    private void directive(char b) {
        switch (b) {
            case 'G':
                isoYear = true;
                year = sign() * number(4, 0, 9999, b);
                break;
            case 'Y':
                year = sign() * number(4, 0, 9999, b);
                break;
            case 'g':
            case 'y': {
                isoYear |= b == 'g';
                int y = number(2, 0, 99, b);
                year = y < 69 ? 2000 + y : 1900 + y;
                break;
            }
            case 'C':
                if (sign() < 0) {
                    throw new EvalError("negative century is not supported for \"%C\"");
                }
                century = number(2, 0, 99, b);
                break;
            case 'm':
                month = number(2, 1, 12, b);
                break;
            case 'B':
                month = name(Strftime.LONG_MONTHS, b);
                break;
            case 'b':
            case 'h':
                month = name(Strftime.SHORT_MONTHS, b);
                break;
            case 'A':
                weekday = name(Strftime.LONG_DAYS, b);
                break;
            case 'a':
                weekday = name(Strftime.SHORT_DAYS, b);
                break;
            case 'w':
                weekday = number(1, 0, 6, b) + 1;
                break;
            case 'u':
                weekday = number(1, 1, 7, b) % 7 + 1;
                break;
            case 'V':
            case 'U':
            case 'W':
                week = number(2, b == 'V' ? 1 : 0, 53, b);
                weekStart = b == 'V' ? 4 : b == 'U' ? 0 : 1;
                if (weekday == 0) {
                    weekday = b == 'U' ? 1 : 2;
                }
                break;
            case 'e':
                skipOneSpace();
                day = number(2, 1, 31, b);
                break;
            case 'd':
                day = number(2, 1, 31, b);
                break;
            case 'j':
                yearDay = number(3, 1, 366, b);
                break;
            case 'k':
                skipOneSpace();
                hour = number(2, 0, 23, b);
                break;
            case 'H':
                hour = number(2, 0, 23, b);
                break;
            case 'l':
                skipOneSpace();
                hour = number(2, 1, 12, b) % 12;
                break;
            case 'I':
                hour = number(2, 1, 12, b) % 12;
                break;
            case 'p':
            case 'P':
                pm = name(new String[] {"AM", "PM"}, b) == 2;
                break;
            case 'M':
                minute = number(2, 0, 59, b);
                break;
            case 'S':
                second = number(2, 0, 60, b);
                break;
            case 's':
                unixSeconds();
                break;
            case 'f': {
                int start = pos;
                int micros = number(6, 0, 999999, b);
                for (int i = pos - start; i < 6; i++) {
                    micros *= 10;
                }
                nano = micros * 1000;
                break;
            }
            case 'Z':
                zoneName();
                break;
            case 'z':
                offset();
                break;
            case 't':
            case 'n': {
                int start = pos;
                while (pos < source.length() && " \t\n\u000b\f\r".indexOf(source.charAt(pos)) >= 0) {
                    pos++;
                }
                if (pos == start) {
                    throw new EvalError("expected a space for \"%" + b + "\"");
                }
                break;
            }
            case '%':
                literal('%');
                break;
            default:
                throw new EvalError("unexpected format \"%" + b + "\"");
        }
    }

    private void unixSeconds() {
        int s = sign();
        int start = pos;
        long v = 0;
        int end = Math.min(source.length(), pos + 19);
        while (pos < end && Character.isDigit(source.charAt(pos))) {
            v = v * 10 + (source.charAt(pos++) - '0');
        }
        if (pos == start) {
            throw cannotParse('s');
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(s * v, 0, ZoneOffset.UTC);
        year = t.getYear();
        month = t.getMonthValue();
        day = t.getDayOfMonth();
        hour = t.getHour();
        minute = t.getMinute();
        second = t.getSecond();
    }

    private void zoneName() {
        int start = pos;
        while (pos < source.length() && source.charAt(pos) >= 'A' && source.charAt(pos) <= 'Z') {
            pos++;
        }
        String name = source.substring(start, pos);
        if (name.equals("UTC") || name.equals("GMT") || name.equals("Z")) {
            zone = ZoneOffset.UTC;
            return;
        }
        String id = ZoneId.SHORT_IDS.get(name);
        if (name.length() < 3 || id == null) {
            throw new EvalError("cannot parse " + quote(name) + " with \"%Z\"");
        }
        zone = ZoneId.of(id);
    }

    /** {@code Z}, {@code +hh}, {@code +hhmm}, {@code +hh:mm} or {@code +hh:mm:ss}. */
    private void offset() {
        if (pos >= source.length()) {
            throw new EvalError("cannot parse \"%z\"");
        }
        char c = source.charAt(pos);
        if (c == 'Z') {
            pos++;
            zone = ZoneOffset.UTC;
            return;
        }
        if (c != '+' && c != '-') {
            throw new EvalError("cannot parse \"%z\"");
        }
        pos++;
        int h = fixedTwo();
        if (h < 0 || h > 23) {
            throw new EvalError("cannot parse \"%z\"");
        }
        int m = 0;
        int s = 0;
        boolean colon = pos < source.length() && source.charAt(pos) == ':';
        int mark = pos;
        if (colon) {
            pos++;
        }
        int mm = fixedTwo();
        if (mm >= 0 && mm <= 59) {
            m = mm;
            if (colon && pos < source.length() && source.charAt(pos) == ':') {
                int back = pos;
                pos++;
                int ss = fixedTwo();
                if (ss >= 0 && ss <= 59) {
                    s = ss;
                } else {
                    pos = back;
                }
            }
        } else {
            pos = mark;
        }
        int total = (h * 3600 + m * 60 + s) * (c == '-' ? -1 : 1);
        zone = ZoneOffset.ofTotalSeconds(total);
    }

    /** Exactly two digits, or -1 (position unchanged). */
    private int fixedTwo() {
        if (pos + 2 <= source.length() && Character.isDigit(source.charAt(pos))
                && Character.isDigit(source.charAt(pos + 1))) {
            int v = (source.charAt(pos) - '0') * 10 + source.charAt(pos + 1) - '0';
            pos += 2;
            return v;
        }
        return -1;
    }

    private ZonedDateTime result() {
        if (pm) {
            hour += 12;
        }
        if (century >= 0) {
            year = century * 100 + year % 100;
        }
        if (day == 0) {
            if (yearDay > 0) {
                if (isoYear) {
                    throw new EvalError("use \"%Y\" to parse non-ISO year for \"%j\"");
                }
                return at(LocalDate.of(year, 1, 1).plusDays(yearDay - 1));
            }
            if (weekStart >= 0) {
                return at(fromWeek());
            }
            day = 1;
        }
        // Go's time.Date rolls over out-of-range days (Feb 31 is March 2 or 3)
        return at(LocalDate.of(year, 1, 1).plusMonths(month - 1).plusDays(day - 1));
    }

    private LocalDate fromWeek() {
        if (weekStart == 4 && !isoYear) {
            throw new EvalError("use \"%G\" to parse ISO year for \"%V\"");
        }
        if (weekStart != 4 && isoYear) {
            throw new EvalError("use \"%Y\" to parse non-ISO year for \"%U\" or \"%W\"");
        }
        int w = week;
        if (weekStart > 0 && weekday == 1) {
            w++;
        }
        // the day before the first day of the year, moved back by the week start
        LocalDate base = LocalDate.of(year, 1, 1).minusDays(1 + weekStart);
        int baseWeekday = base.getDayOfWeek().getValue() % 7;
        return base.plusDays((long) w * 7 - baseWeekday + weekday - 1);
    }

    private ZonedDateTime at(LocalDate date) {
        LocalDateTime t = date.atStartOfDay().plusHours(hour).plusMinutes(minute).plusSeconds(second).plusNanos(nano);
        return ZonedDateTime.ofLocal(t, zone, null);
    }
}

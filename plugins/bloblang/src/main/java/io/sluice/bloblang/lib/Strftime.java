package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.GoTime;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * strftime formatting as Bento's {@code ts_strftime} does it (the itchyny/timefmt-go dialect):
 * C's directives plus {@code %f} for microseconds, the {@code - _ 0 ^ #} flags and a field width.
 * Unknown directives are written as they are.
 */
final class Strftime {
    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
        "Dec"};
    /** Sunday first, as C counts weekdays. */
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

    /** How a field is padded: the flag given, or the directive's default. */
    private static final char DEFAULT_PAD = 0;
    private static final char NO_PAD = 1;

    private Strftime() {
    }

    /** The composite directives, spelled out with their parts. */
    static String composite(char c) {
        switch (c) {
            case 'c':
                return "%a %b %e %H:%M:%S %Y";
            case '+':
                return "%a %b %e %H:%M:%S %Z %Y";
            case 'v':
                return "%e-%b-%Y";
            case 'r':
                return "%I:%M:%S %p";
            case 'F':
                return "%Y-%m-%d";
            case 'D':
            case 'x':
                return "%m/%d/%y";
            case 'T':
            case 'X':
                return "%H:%M:%S";
            case 'R':
                return "%H:%M";
            default:
                return null;
        }
    }

    static String format(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            int start = i;
            char pad = DEFAULT_PAD;
            boolean upper = false;
            boolean swap = false;
            int width = 0;
            int colons = 0;
            i++;
            for (; i < n && "-_0^#".indexOf(format.charAt(i)) >= 0; i++) {
                char f = format.charAt(i);
                if (f == '-') {
                    pad = NO_PAD;
                } else if (f == '_') {
                    pad = ' ';
                } else if (f == '0') {
                    pad = '0';
                } else if (f == '^') {
                    upper = true;
                } else {
                    swap = true;
                }
            }
            for (; i < n && Character.isDigit(format.charAt(i)); i++) {
                width = Math.min(width * 10 + (format.charAt(i) - '0'), 1024);
            }
            for (; i < n && format.charAt(i) == ':' && colons < 3; i++) {
                colons++;
            }
            if (i >= n || (colons > 0 && format.charAt(i) != 'z')) {
                // an unfinished directive is written as it is
                i = Math.min(i, n) - 1;
                out.append(format, start, i + 1);
                continue;
            }
            directive(out, t, format.charAt(i), new Field(width, pad, upper, swap, colons), format.substring(start, i + 1));
        }
        return out.toString();
    }

    /** The modifiers of one directive. */
    private static final class Field {
        final int width;
        final char pad;
        final boolean upper;
        final boolean swap;
        final int colons;

        Field(int width, char pad, boolean upper, boolean swap, int colons) {
            this.width = width;
            this.pad = pad;
            this.upper = upper;
            this.swap = swap;
            this.colons = colons;
        }
    }

    private static void directive(StringBuilder out, ZonedDateTime t, char c, Field f, String raw) {
        int year = t.getYear();
        switch (c) {
            case 'Y':
                number(out, year, f.width == 0 ? 4 : f.width, f.pad, '0');
                return;
            case 'y':
                number(out, Math.abs(year % 100), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'C':
                number(out, Math.floorDiv(year, 100), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'G':
                number(out, t.get(IsoFields.WEEK_BASED_YEAR), f.width == 0 ? 4 : f.width, f.pad, '0');
                return;
            case 'g':
                number(out, Math.abs(t.get(IsoFields.WEEK_BASED_YEAR) % 100), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'm':
                number(out, t.getMonthValue(), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'B':
                text(out, LONG_MONTHS[t.getMonthValue() - 1], f);
                return;
            case 'b':
            case 'h':
                text(out, SHORT_MONTHS[t.getMonthValue() - 1], f);
                return;
            case 'A':
                text(out, LONG_DAYS[sundayBased(t)], f);
                return;
            case 'a':
                text(out, SHORT_DAYS[sundayBased(t)], f);
                return;
            case 'w':
                number(out, sundayBased(t), f.width, f.pad, '0');
                return;
            case 'u':
                number(out, t.getDayOfWeek().getValue(), f.width, f.pad, '0');
                return;
            case 'V':
                number(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'U':
                number(out, (t.getDayOfYear() + 6 - sundayBased(t)) / 7, Math.max(f.width, 2), f.pad, '0');
                return;
            case 'W':
                number(out, (t.getDayOfYear() + 6 - (sundayBased(t) + 6) % 7) / 7, Math.max(f.width, 2), f.pad, '0');
                return;
            case 'e':
                number(out, t.getDayOfMonth(), Math.max(f.width, 2), f.pad, ' ');
                return;
            case 'd':
                number(out, t.getDayOfMonth(), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'j':
                number(out, t.getDayOfYear(), Math.max(f.width, 3), f.pad, '0');
                return;
            case 'k':
                number(out, t.getHour(), Math.max(f.width, 2), f.pad, ' ');
                return;
            case 'H':
                number(out, t.getHour(), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'l':
                number(out, hour12(t), Math.max(f.width, 2), f.pad, ' ');
                return;
            case 'I':
                number(out, hour12(t), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'p':
                text(out, t.getHour() < 12 ? "AM" : "PM", f);
                return;
            case 'P':
                // lower case unless a case flag asks otherwise
                text(out, t.getHour() < 12 ? "am" : "pm", f);
                return;
            case 'M':
                number(out, t.getMinute(), Math.max(f.width, 2), f.pad, '0');
                return;
            case 'S':
                number(out, t.getSecond(), Math.max(f.width, 2), f.pad, '0');
                return;
            case 's':
                number(out, t.toEpochSecond(), f.width, f.pad, ' ');
                return;
            case 'f':
                number(out, t.getNano() / 1000, f.width == 0 ? 6 : f.width, f.pad, '0');
                return;
            case 'Z': {
                String name = GoTime.zoneName(t);
                if (name != null) {
                    text(out, name, f);
                    return;
                }
                offset(out, t.getOffset().getTotalSeconds(), f.colons);
                return;
            }
            case 'z':
                offset(out, t.getOffset().getTotalSeconds(), f.colons);
                return;
            case 't':
                out.append('\t');
                return;
            case 'n':
                out.append('\n');
                return;
            case '%':
                out.append('%');
                return;
            default:
                String parts = composite(c);
                if (parts == null) {
                    out.append(raw);
                    return;
                }
                String s = format(t, parts);
                out.append(f.upper ? s.toUpperCase(java.util.Locale.ROOT) : s);
        }
    }

    private static int sundayBased(ZonedDateTime t) {
        DayOfWeek d = t.getDayOfWeek();
        return d.getValue() % 7;
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static void number(StringBuilder out, long value, int width, char pad, char defaultPad) {
        String digits = Long.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        if (pad == NO_PAD) {
            out.append(sign).append(digits);
            return;
        }
        char p = pad == DEFAULT_PAD ? defaultPad : pad;
        int fill = width - digits.length() - sign.length();
        if (p == '0') {
            out.append(sign);
            out.append("0".repeat(Math.max(0, fill)));
        } else {
            out.append(" ".repeat(Math.max(0, fill)));
            out.append(sign);
        }
        out.append(digits);
    }

    private static void text(StringBuilder out, String s, Field f) {
        if (f.pad != NO_PAD && f.width > s.length()) {
            out.append(String.valueOf(f.pad == '0' ? '0' : ' ').repeat(f.width - s.length()));
        }
        if (f.swap && Character.isUpperCase(s.charAt(s.length() - 1))) {
            out.append(s.toLowerCase(java.util.Locale.ROOT));
        } else if (f.swap || f.upper) {
            out.append(s.toUpperCase(java.util.Locale.ROOT));
        } else {
            out.append(s);
        }
    }

    /** {@code +hhmm}; one colon {@code +hh:mm}, two {@code +hh:mm:ss}, three only as precise as needed. */
    private static void offset(StringBuilder out, int seconds, int colons) {
        out.append(seconds < 0 ? '-' : '+');
        int abs = Math.abs(seconds);
        int h = abs / 3600;
        int m = abs % 3600 / 60;
        int s = abs % 60;
        out.append(two(h));
        if (colons == 3 && m == 0 && s == 0) {
            return;
        }
        out.append(colons > 0 ? ":" : "").append(two(m));
        if (colons == 2 || (colons == 3 && s != 0)) {
            out.append(':').append(two(s));
        }
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}

package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoFloat;
import io.sluice.bloblang.value.GoFmt;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The subset of Go's fmt.Sprintf and strconv.Quote that mappings use. */
final class GoSprintf {
    private GoSprintf() {
    }

    static String sprintf(String format, Object[] args) {
        StringBuilder b = new StringBuilder();
        int ai = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                b.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= format.length()) {
                b.append("%!(NOVERB)");
                break;
            }
            StringBuilder flags = new StringBuilder();
            while (i < format.length() && "+-# 0".indexOf(format.charAt(i)) >= 0) {
                flags.append(format.charAt(i++));
            }
            int width = -1;
            int ws = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > ws) {
                width = Integer.parseInt(format.substring(ws, i));
            }
            int prec = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                int ps = i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                prec = i > ps ? Integer.parseInt(format.substring(ps, i)) : 0;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                b.append('%');
                continue;
            }
            if (ai >= args.length) {
                b.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args[ai++];
            String s = formatOne(verb, flags.toString(), prec, arg);
            pad(b, s, width, flags.indexOf("-") >= 0, flags.indexOf("0") >= 0 && "dfeg".indexOf(verb) >= 0);
        }
        if (ai < args.length) {
            b.append("%!(EXTRA ");
            for (int k = ai; k < args.length; k++) {
                if (k > ai) {
                    b.append(", ");
                }
                b.append(Values.goTypeName(args[k])).append('=').append(Values.goSprint(args[k]));
            }
            b.append(')');
        }
        return b.toString();
    }

    private static void pad(StringBuilder b, String s, int width, boolean left, boolean zero) {
        int n = s.codePointCount(0, s.length());
        if (width <= n) {
            b.append(s);
            return;
        }
        String fill = (zero ? "0" : " ").repeat(width - n);
        if (left) {
            b.append(s).append(" ".repeat(width - n));
        } else if (zero && (s.startsWith("-") || s.startsWith("+"))) {
            b.append(s.charAt(0)).append(fill).append(s.substring(1));
        } else {
            b.append(fill).append(s);
        }
    }

    private static String formatOne(char verb, String flags, int prec, Object arg) {
        switch (verb) {
            case 'v':
            case 's':
                if (arg instanceof byte[] && verb == 's') {
                    return new String((byte[]) arg, StandardCharsets.UTF_8);
                }
                if (arg instanceof Map || arg instanceof List) {
                    return GoFmt.sprintV(arg);
                }
                if (arg == null) {
                    return verb == 's' ? "%!s(<nil>)" : "<nil>";
                }
                if (verb == 's' && (arg instanceof Number || arg instanceof Boolean)) {
                    return "%!s(" + Values.goTypeName(arg) + "=" + Values.goSprint(arg) + ")";
                }
                return Values.goSprint(arg);
            case 'd':
                if (arg instanceof Long) {
                    return (flags.contains("+") && (Long) arg >= 0 ? "+" : "") + arg;
                }
                return "%!d(" + Values.goTypeName(arg) + "=" + Values.goSprint(arg) + ")";
            case 'f':
            case 'F': {
                if (!(arg instanceof Number)) {
                    return "%!f(" + Values.goTypeName(arg) + "=" + Values.goSprint(arg) + ")";
                }
                if (arg instanceof Long) {
                    return "%!f(int64=" + arg + ")";
                }
                double d = ((Number) arg).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
                }
                String digits = new BigDecimal(d).setScale(prec < 0 ? 6 : prec, RoundingMode.HALF_EVEN).toPlainString();
                // a negative value that rounds to zero keeps its sign in Go ("-0.000000")
                boolean negative = d < 0 || (d == 0 && 1 / d < 0);
                if (negative && !digits.startsWith("-")) {
                    digits = "-" + digits;
                }
                return (flags.contains("+") && !negative ? "+" : "") + digits;
            }
            case 'e': {
                double d = ((Number) arg).doubleValue();
                String s = String.format("%." + (prec < 0 ? 6 : prec) + "e", d);
                return s;
            }
            case 'g': {
                return GoFloat.formatG(((Number) arg).doubleValue());
            }
            case 't':
                return String.valueOf(arg);
            case 'q':
                return quote(Values.toStr(arg));
            case 'x':
            case 'X': {
                String s;
                if (arg instanceof Long) {
                    s = Long.toHexString((Long) arg);
                } else {
                    StringBuilder h = new StringBuilder();
                    for (byte x : Values.toBytes(arg)) {
                        h.append(String.format("%02x", x));
                    }
                    s = h.toString();
                }
                return verb == 'X' ? s.toUpperCase() : s;
            }
            case 'T':
                return Values.goTypeName(arg);
            default:
                return "%!" + verb + "(" + Values.goTypeName(arg) + "=" + Values.goSprint(arg) + ")";
        }
    }

    /** strconv.Quote. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case 7:
                    b.append("\\a");
                    break;
                case 8:
                    b.append("\\b");
                    break;
                case 12:
                    b.append("\\f");
                    break;
                case 11:
                    b.append("\\v");
                    break;
                default:
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (!Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
                            || Character.isISOControl(cp)) {
                        b.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
            }
        });
        return b.append('"').toString();
    }

    /** strconv.Unquote for "..." and `...` strings. */
    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            return s.substring(1, s.length() - 1);
        }
        if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) {
            throw new EvalError("invalid syntax");
        }
        try {
            return io.sluice.bloblang.parse.Unquote.goUnquote(s.substring(1, s.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new EvalError("invalid syntax");
        }
    }

    static Object unused(JsonNum n) {
        return n;
    }
}

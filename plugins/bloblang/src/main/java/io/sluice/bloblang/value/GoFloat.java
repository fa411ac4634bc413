package io.sluice.bloblang.value;

/** Go's strconv float formatting ('g' shortest, and encoding/json's choice of 'f' or 'e'). */
public final class GoFloat {
    private GoFloat() {
    }

    /** Shortest decimal digits of a finite, non-zero magnitude and Go's decimal point position. */
    private static final class Digits {
        final String digits;
        final int dp; // value = 0.digits * 10^dp

        Digits(String digits, int dp) {
            this.digits = digits;
            this.dp = dp;
        }
    }

    private static Digits digitsOf(double abs) {
        return digitsOf(Double.toString(abs));
    }

    /** Java's shortest repr of a float32 matches Go's 32-bit shortest formatting. */
    private static Digits digitsOf(float abs) {
        return digitsOf(Float.toString(abs));
    }

    private static Digits digitsOf(String s) {
        int ePos = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (ePos >= 0) {
            exp = Integer.parseInt(s.substring(ePos + 1));
            mant = s.substring(0, ePos);
        }
        int dot = mant.indexOf('.');
        String intPart = dot < 0 ? mant : mant.substring(0, dot);
        String frac = dot < 0 ? "" : mant.substring(dot + 1);
        String all = intPart + frac;
        int dp = intPart.length() + exp;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        all = all.substring(lead);
        dp -= lead;
        int end = all.length();
        while (end > 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(all.substring(0, end), dp);
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        return d > 0 ? "+Inf" : "-Inf";
    }

    /** strconv.FormatFloat(d, 'g', -1, 64). */
    public static String formatG(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        String sign = d < 0 ? "-" : "";
        Digits g = digitsOf(Math.abs(d));
        int exp = g.dp - 1;
        if (exp < -4 || exp >= 6) {
            return sign + eFormat(g);
        }
        return sign + fFormat(g);
    }

    /** strconv.FormatFloat(f, 'g', -1, 32): the shortest digits that identify the float32. */
    public static String formatG32(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return formatG(f);
        }
        Digits g = digitsOf(Math.abs(f));
        int exp = g.dp - 1;
        String sign = f < 0 ? "-" : "";
        return sign + (exp < -4 || exp >= 6 ? eFormat(g) : fFormat(g));
    }

    /** encoding/json's formatting of a float32. */
    public static String formatJson32(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return formatJson(f);
        }
        float abs = Math.abs(f);
        String sign = f < 0 ? "-" : "";
        Digits g = digitsOf(abs);
        return sign + (abs < 1e-6f || abs >= 1e21f ? trimExponent(eFormat(g)) : fFormat(g));
    }

    /** encoding/json trims e-09 to e-9. */
    private static String trimExponent(String e) {
        int n = e.length();
        if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
            return e.substring(0, n - 2) + e.charAt(n - 1);
        }
        return e;
    }

    /** The float formatting of Go's encoding/json. */
    public static String formatJson(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new EvalError("json: unsupported value: " + formatG(d));
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double abs = Math.abs(d);
        String sign = d < 0 ? "-" : "";
        Digits g = digitsOf(abs);
        if (abs < 1e-6 || abs >= 1e21) {
            String e = eFormat(g);
            int n = e.length();
            // encoding/json trims e-09 to e-9
            if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                e = e.substring(0, n - 2) + e.charAt(n - 1);
            }
            return sign + e;
        }
        return sign + fFormat(g);
    }

    private static String eFormat(Digits g) {
        StringBuilder b = new StringBuilder();
        b.append(g.digits.charAt(0));
        if (g.digits.length() > 1) {
            b.append('.').append(g.digits, 1, g.digits.length());
        }
        int exp = g.dp - 1;
        b.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            b.append('0');
        }
        b.append(a);
        return b.toString();
    }

    private static String fFormat(Digits g) {
        String ds = g.digits;
        int nd = ds.length();
        StringBuilder b = new StringBuilder();
        if (g.dp <= 0) {
            b.append("0.");
            for (int i = 0; i < -g.dp; i++) {
                b.append('0');
            }
            b.append(ds);
        } else if (g.dp >= nd) {
            b.append(ds);
            for (int i = nd; i < g.dp; i++) {
                b.append('0');
            }
        } else {
            b.append(ds, 0, g.dp).append('.').append(ds, g.dp, nd);
        }
        return b.toString();
    }
}

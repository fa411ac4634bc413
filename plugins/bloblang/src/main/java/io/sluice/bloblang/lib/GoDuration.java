package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;

/** Go's time.ParseDuration ("1h30m", "300ms", "-1.5h") in nanoseconds. */
final class GoDuration {
    private GoDuration() {
    }

    static long parse(String s) {
        String orig = s;
        if (s.isEmpty()) {
            throw new EvalError("time: invalid duration \"" + orig + "\"");
        }
        boolean neg = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int st = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (st == i) {
                throw new EvalError("time: invalid duration \"" + orig + "\"");
            }
            double num = Double.parseDouble(s.substring(st, i));
            int us = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(us, i);
            double mult;
            switch (unit) {
                case "ns":
                    mult = 1;
                    break;
                case "us":
                case "µs":
                case "μs":
                    mult = 1e3;
                    break;
                case "ms":
                    mult = 1e6;
                    break;
                case "s":
                    mult = 1e9;
                    break;
                case "m":
                    mult = 60e9;
                    break;
                case "h":
                    mult = 3600e9;
                    break;
                case "":
                    throw new EvalError("time: missing unit in duration \"" + orig + "\"");
                default:
                    throw new EvalError("time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
            }
            total += num * mult;
        }
        long r = Math.round(total);
        return neg ? -r : r;
    }
}

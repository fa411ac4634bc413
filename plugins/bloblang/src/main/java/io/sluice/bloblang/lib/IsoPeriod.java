package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * An ISO-8601 period ({@code P3Y6M4DT12H30M5S}, {@code P2W}, {@code -PT1.5S}) with the rules of
 * the Go library Bento uses (rickb777/period): decimal fields, only the last one fractional, and
 * approximate durations that count a year as 365.2425 days and a month as a twelfth of that.
 */
final class IsoPeriod {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.2425");
    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.436875");

    private final boolean negative;
    private final BigDecimal years;
    private final BigDecimal months;
    private final BigDecimal weeks;
    private final BigDecimal days;
    private final BigDecimal hours;
    private final BigDecimal minutes;
    private final BigDecimal seconds;

    private IsoPeriod(boolean negative, BigDecimal[] f) {
        this.negative = negative;
        this.years = f[0];
        this.months = f[1];
        this.weeks = f[2];
        this.days = f[3];
        this.hours = f[4];
        this.minutes = f[5];
        this.seconds = f[6];
    }

    /** Field slots in the order the designators may appear. */
    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int WEEK = 2;
    private static final int DAY = 3;
    private static final int HOUR = 4;
    private static final int MINUTE = 5;
    private static final int SECOND = 6;
    private static final char[] LETTERS = {'Y', 'M', 'W', 'D', 'H', 'M', 'S'};

    static IsoPeriod parse(String text) {
        if (text.isEmpty()) {
            throw new EvalError("cannot parse a blank string as a period");
        }
        String rest = text;
        boolean negative = false;
        if (rest.charAt(0) == '-' || rest.charAt(0) == '+') {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        BigDecimal[] fields = new BigDecimal[7];
        java.util.Arrays.fill(fields, BigDecimal.ZERO);
        if (rest.isEmpty()) {
            throw new EvalError("cannot parse a blank string as a period");
        }
        if (rest.charAt(0) != 'P') {
            throw new EvalError(text + ": expected 'P' period mark at the start");
        }
        rest = rest.substring(1);
        boolean timePart = false;
        boolean[] seen = new boolean[7];
        int fractional = -1;
        int components = 0;
        while (!rest.isEmpty()) {
            if (rest.charAt(0) == 'T') {
                if (timePart) {
                    throw new EvalError(text + ": 'T' designator cannot occur more than once");
                }
                timePart = true;
                rest = rest.substring(1);
                continue;
            }
            int end = numberEnd(rest, text);
            BigDecimal number;
            try {
                number = new BigDecimal(rest.substring(0, end).replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new EvalError(text + ": number invalid or out of range");
            }
            int slot = slot(rest.charAt(end), timePart, text);
            rest = rest.substring(end + 1);
            if (fractional >= 0 && number.signum() != 0) {
                throw new EvalError(text + ": '" + LETTERS[fractional] + "' & '" + LETTERS[slot]
                        + "' only the last field can have a fraction");
            }
            if (timePart != (slot >= HOUR)) {
                throw new EvalError(text + ": '" + LETTERS[slot] + "' designator cannot occur here");
            }
            if (seen[slot]) {
                throw new EvalError(text + ": '" + LETTERS[slot] + "' designator cannot occur more than once");
            }
            seen[slot] = true;
            fields[slot] = number;
            components++;
            if (number.scale() > 0) {
                fractional = slot;
            }
        }
        if (components == 0) {
            throw new EvalError(text + ": expected 'Y', 'M', 'W', 'D', 'H', 'M', or 'S' designator");
        }
        return new IsoPeriod(negative, fields);
    }

    /** Where the number at the start of {@code s} ends (a leading minus and , or . are part of it). */
    private static int numberEnd(String s, String original) {
        int i = 0;
        boolean digits = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((i == 0 && c == '-') || c == '.' || c == ',' || (c >= '0' && c <= '9')) {
                digits = true;
            } else {
                break;
            }
        }
        if (!digits) {
            throw new EvalError(original + ": expected a number but found '" + s.charAt(0) + "'");
        }
        if (i == s.length()) {
            throw new EvalError(original + ": missing designator at the end");
        }
        return i;
    }

    private static int slot(char designator, boolean timePart, String original) {
        switch (designator) {
            case 'Y':
                return YEAR;
            case 'M':
                return timePart ? MINUTE : MONTH;
            case 'W':
                return WEEK;
            case 'D':
                return DAY;
            case 'H':
                return HOUR;
            case 'S':
                return SECOND;
            default:
                throw new EvalError(original + ": expected a designator Y, M, W, D, H, or S not '" + designator + "'");
        }
    }

    private boolean wholeCalendarFields() {
        boolean anyCalendar = years.signum() != 0 || months.signum() != 0 || weeks.signum() != 0 || days.signum() != 0;
        return anyCalendar && years.scale() <= 0 && months.scale() <= 0 && weeks.scale() <= 0 && days.scale() <= 0;
    }

    /** Nanoseconds of the fields, truncated below a nanosecond as the Go library does. */
    private static long nanos(BigDecimal field, BigDecimal nanosPerUnit) {
        return field.multiply(nanosPerUnit).longValue();
    }

    private long clockNanos() {
        return nanos(hours, BigDecimal.valueOf(3_600_000_000_000L)) + nanos(minutes, BigDecimal.valueOf(60_000_000_000L))
                + nanos(seconds, BigDecimal.valueOf(1_000_000_000L));
    }

    /** The approximate length in nanoseconds (Bento's {@code parse_duration_iso8601}). */
    long approximateNanos() {
        BigDecimal perDay = BigDecimal.valueOf(NANOS_PER_DAY);
        long calendar = nanos(days, perDay) + nanos(weeks, perDay.multiply(BigDecimal.valueOf(7)))
                + nanos(months, perDay.multiply(DAYS_PER_MONTH)) + nanos(years, perDay.multiply(DAYS_PER_YEAR));
        long total = calendar + clockNanos();
        return negative ? -total : total;
    }

    /** Adds the period: whole calendar fields move the date as Go's AddDate does, others as a duration. */
    ZonedDateTime addTo(ZonedDateTime t, boolean subtract) {
        boolean neg = negative != subtract;
        if (!wholeCalendarFields()) {
            long d = approximateNanos();
            return t.plusNanos(subtract ? -d : d);
        }
        int sign = neg ? -1 : 1;
        long y = sign * years.longValue();
        long m = sign * months.longValue();
        long d = sign * (weeks.longValue() * 7 + days.longValue());
        // Go normalises the month first, then lets the day overflow into the next months
        LocalDate date = LocalDate.of(t.getYear(), 1, 1).plusYears(y).plusMonths(t.getMonthValue() - 1 + m)
                .plusDays(t.getDayOfMonth() - 1 + d);
        ZonedDateTime moved = ZonedDateTime.ofLocal(date.atTime(t.toLocalTime()), t.getZone(), t.getOffset());
        return moved.plusNanos(sign * clockNanos());
    }
}

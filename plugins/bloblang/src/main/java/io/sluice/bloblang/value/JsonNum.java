package io.sluice.bloblang.value;

/**
 * A non-integer number read from message JSON. Go decodes message JSON with {@code UseNumber}, so a
 * number that passes through a mapping untouched keeps its original text ({@code 20.0} stays
 * {@code 20.0}); in arithmetic it behaves as a float64.
 */
public final class JsonNum extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;
    /**
     * Parsed on first use: most numbers only pass through a mapping as text. A boxed Double is
     * immutable, so a value shared between threads is never seen half-initialised.
     */
    private Double value;

    public JsonNum(String text) {
        this.text = text;
    }

    private double value() {
        Double v = value;
        if (v == null) {
            v = Double.parseDouble(text);
            value = v;
        }
        return v;
    }

    public String text() {
        return text;
    }

    @Override
    public int intValue() {
        return (int) value();
    }

    @Override
    public long longValue() {
        return (long) value();
    }

    @Override
    public float floatValue() {
        return (float) value();
    }

    @Override
    public double doubleValue() {
        return value();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNum && ((JsonNum) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}

package io.sluice.bloblang.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A parse failure at a position, mirroring Bento's parser errors: a soft failure lists what was
 * expected (and lets an alternative be tried); a fatal one carries a message and stops parsing.
 */
final class PErr extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pos;
    final List<String> expected;
    String err;

    PErr(int pos, String err, List<String> expected) {
        super(null, null, false, false);
        this.pos = pos;
        this.err = err;
        this.expected = new ArrayList<>(expected);
    }

    static PErr soft(int pos, String... expected) {
        return new PErr(pos, null, List.of(expected));
    }

    static PErr fatal(int pos, String err) {
        return new PErr(pos, err, List.of());
    }

    boolean isFatal() {
        return err != null;
    }

    /** Bento's MustBe: a soft failure becomes "required". */
    PErr required() {
        if (err == null) {
            err = "required";
        }
        return this;
    }

    /** Bento's Expect: a soft failure is re-labelled. */
    PErr expect(String... labels) {
        if (err == null) {
            expected.clear();
            expected.addAll(List.of(labels));
        }
        return this;
    }

    void add(PErr other) {
        expected.addAll(other.expected);
        if (err == null) {
            err = other.err;
        }
    }

    String describe() {
        String msg = err == null ? "" : err;
        if (expected.isEmpty()) {
            return msg.isEmpty() ? "encountered unexpected input" : msg;
        }
        if (!msg.isEmpty()) {
            msg += ": ";
        }
        List<String> exp = new ArrayList<>(new LinkedHashSet<>(expected));
        if (exp.size() == 1) {
            return msg + "expected " + exp.get(0);
        }
        StringBuilder b = new StringBuilder("expected ");
        for (int i = 0; i < exp.size(); i++) {
            if (i == exp.size() - 1) {
                if (exp.size() > 2) {
                    b.append(',');
                }
                b.append(" or ");
            } else if (i > 0) {
                b.append(", ");
            }
            b.append(exp.get(i));
        }
        return msg + b;
    }
}

package io.sluice.translator.spec;

/** Where a component sits in a Bento stream config. */
public enum ComponentKind {
    INPUT, PROCESSOR, OUTPUT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

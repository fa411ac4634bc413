package io.sluice.bloblang.value;

/** The two non-values of Bloblang: {@code deleted()} and {@code nothing()}. */
public enum Special {
    DELETED("delete"),
    NOTHING("nothing");

    private final String typeName;

    Special(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }
}

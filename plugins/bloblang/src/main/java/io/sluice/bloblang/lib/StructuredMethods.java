package io.sluice.bloblang.lib;

final class StructuredMethods {
    private StructuredMethods() {
    }

    static void register() {
    }
}

package io.sluice.bloblang.lib;

final class EncodingMethods {
    private EncodingMethods() {
    }

    static void register() {
    }
}

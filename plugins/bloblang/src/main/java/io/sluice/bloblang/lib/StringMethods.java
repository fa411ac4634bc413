package io.sluice.bloblang.lib;

final class StringMethods {
    private StringMethods() {
    }

    static void register() {
    }
}

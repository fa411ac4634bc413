package io.sluice.bloblang.lib;

final class NumberMethods {
    private NumberMethods() {
    }

    static void register() {
    }
}

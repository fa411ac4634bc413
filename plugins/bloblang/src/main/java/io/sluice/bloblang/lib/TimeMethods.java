package io.sluice.bloblang.lib;

final class TimeMethods {
    private TimeMethods() {
    }

    static void register() {
    }
}

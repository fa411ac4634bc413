package io.sluice.bloblang.parse;

/** Public access to Go string unquoting for the library. */
public final class Unquote {
    private Unquote() {
    }

    public static String goUnquote(String body) {
        return GoStrings.unquote(body);
    }
}

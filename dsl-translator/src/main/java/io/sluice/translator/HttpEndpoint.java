package io.sluice.translator;

/** An HTTP path a stream serves under its API's listen path, for the startup summary and docs. */
public record HttpEndpoint(String methods, String path, String purpose) {
}

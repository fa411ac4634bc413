package io.sluice.runtime.cli;

/** Log levels for the standalone program (slf4j-simple reads system properties), unless the user set them. */
final class Logging {

    private Logging() {
    }

    static void configure() {
        set("org.slf4j.simpleLogger.defaultLogLevel", "info");
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        set("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        set("org.slf4j.simpleLogger.log.kafka", "warn");
        set("org.slf4j.simpleLogger.log.org.apache.camel", "warn");
        set("org.slf4j.simpleLogger.log.io.vertx", "warn");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

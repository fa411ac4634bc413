package io.sluice.samples.chatjippity;

import org.apache.camel.impl.DefaultCamelContext;

/** The joker on its own, for a Sluice (and Kafka) started separately: {@code Joker [brokers]}. */
public final class Joker {

    private Joker() {
    }

    public static void main(String[] args) throws Exception {
        String brokers = args.length > 0 ? args[0] : "localhost:9092";
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new JokerRoute(brokers));
        camel.start();
        System.out.println("Joker answering chat → discussion on " + brokers + " (Ctrl+C to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(camel::stop));
        Thread.currentThread().join();
    }
}

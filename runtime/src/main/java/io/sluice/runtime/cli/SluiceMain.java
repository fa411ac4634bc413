package io.sluice.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command line. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceMain.Version.class,
        description = "Sluice: an async-API gateway that runs Tyk Streams API definitions on Apache Camel.",
        subcommands = {RunCommand.class, BloblCommand.class, VersionCommand.class})
public final class SluiceMain implements Runnable {

    public static void main(String[] args) {
        Logging.configure();
        System.exit(new CommandLine(new SluiceMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static String version() {
        String v = SluiceMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sluice " + version()};
        }
    }
}

package io.sluice.runtime.cli;

import picocli.CommandLine.Command;

/** {@code sluice version}. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("sluice " + SluiceMain.version());
    }
}

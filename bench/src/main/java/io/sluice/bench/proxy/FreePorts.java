package io.sluice.bench.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints N loopback ports that were free a moment ago, space-separated, for bench/proxy to hand to nginx and
 * Sluice. All sockets stay open until every port is chosen, so the N ports differ from each other.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length == 0 ? 1 : Integer.parseInt(args[0]);
        List<ServerSocket> held = new ArrayList<>();
        try {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                out.append(i == 0 ? "" : " ").append(socket.getLocalPort());
            }
            System.out.println(out);
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}

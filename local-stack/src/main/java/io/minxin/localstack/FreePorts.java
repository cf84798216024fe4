package io.minxin.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks loopback ports that are free right now; 0 in a setting means "pick one". */
final class FreePorts {

    /** Resolves every 0 to a distinct free port, keeping the others. */
    static int[] resolve(int... ports) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] resolved = new int[ports.length];
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] != 0) {
                    resolved[i] = ports[i];
                    continue;
                }
                // Kept open until all are picked, so two zeros never get the same port.
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                resolved[i] = socket.getLocalPort();
            }
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port was only probed; nothing to release.
        }
    }

    private FreePorts() {}
}

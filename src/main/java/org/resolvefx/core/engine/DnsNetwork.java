package org.resolvefx.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * What the engine talks to: real UDP/TCP sockets ({@link LiveNetwork}) or the in-process network
 * of sandbox servers ({@link SimulatedNetwork}). The engine hands over DNS wire bytes and gets wire
 * bytes back, whoever sent them: deciding which response to accept (ID, source, question) is the
 * engine's job, so that spoofed responses show up in the trace.
 */
public interface DnsNetwork extends AutoCloseable {

    /**
     * Opens a "socket" for one query to {@code server}: over UDP a socket on a random source port,
     * over TCP a connected stream.
     *
     * @param preferredLocal the address the asker would like to send from (127.0.0.1 for a client,
     *                       127.0.0.53 for the local resolver); used when it can reach the server
     * @param connectTimeoutMicros how long a TCP connection may take to open
     * @throws java.net.SocketTimeoutException when a TCP connection does not open in time (a timeout)
     * @throws DestinationRefusedException when the network will not send there (e.g. not loopback)
     * @throws IOException when the server cannot be reached at all
     * @throws CancelledException when the token is cancelled while connecting
     */
    Conversation open(SocketAddr server, Transport transport, InetAddress preferredLocal, long connectTimeoutMicros,
                      CancelToken cancel) throws IOException;

    /** The clock the network's waiting runs on (virtual for the in-process network). */
    SessionClock clock();

    @Override
    default void close() {
    }

    /** One open "socket". */
    interface Conversation extends AutoCloseable {
        /** The actual local address and port the query leaves from. */
        SocketAddr local();

        /** The server the query goes to. */
        SocketAddr remote();

        Transport transport();

        void send(byte[] message) throws IOException;

        /**
         * Waits at most {@code timeoutMicros} for the next message on this socket, from anyone.
         *
         * @return empty when the time passed without a message
         * @throws CancelledException when the token is cancelled while waiting
         */
        Optional<Datagram> receive(long timeoutMicros, CancelToken cancel) throws IOException;

        @Override
        void close();
    }

    /** A message that arrived: who sent it (as the socket saw it) and the DNS bytes. */
    record Datagram(SocketAddr from, byte[] bytes) {
        public Datagram {
            Objects.requireNonNull(from, "from");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Thrown while waiting when the lookup's cancel token fires. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    /** The network refuses to send to an address (a loopback-only session asked to leave the machine). */
    final class DestinationRefusedException extends IOException {
        public DestinationRefusedException(String message) {
            super(message);
        }
    }
}

package org.resolvefx.core.sandbox;

/**
 * How a sandbox server behaves, a switch for teaching. A lame server needs no switch: it simply
 * does not serve the zone it is delegated and answers REFUSED.
 */
public sealed interface ServerBehaviour {

    /** Answers at once. */
    record Normal() implements ServerBehaviour {
    }

    /** Never answers (on sockets: bound, but drops everything), so a resolver sees a timeout. */
    record Dead() implements ServerBehaviour {
    }

    /**
     * Answers correctly but late. {@link SandboxServer#handle} never sleeps; whoever delivers the
     * response (the loopback sockets, an in-process network) adds {@code delayMillis}.
     */
    record Slow(long delayMillis) implements ServerBehaviour {
        public Slow {
            if (delayMillis < 0 || delayMillis > 60_000) {
                throw new IllegalArgumentException("delay must be 0..60000 ms: " + delayMillis);
            }
        }
    }

    ServerBehaviour NORMAL = new Normal();
    ServerBehaviour DEAD = new Dead();

    /** Delay to add before a response is delivered. */
    default long delayMillis() {
        return this instanceof Slow s ? s.delayMillis() : 0;
    }

    /** "normal", "dead" or "slow 300 ms", as shown in tables. */
    default String label() {
        if (this instanceof Dead) {
            return "dead";
        }
        if (this instanceof Slow s) {
            return "slow " + s.delayMillis() + " ms";
        }
        return "normal";
    }

    /** The manifest keyword: "normal", "dead" or "slow". */
    default String keyword() {
        return this instanceof Dead ? "dead" : this instanceof Slow ? "slow" : "normal";
    }
}

package org.resolvefx.core.trace;

import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** What was asked: an absolute name, a record type and a class (dnsjava constants). */
public record Question(Name name, int type, int dclass) {
    public Question {
        Objects.requireNonNull(name, "name");
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("question name must be absolute: " + name);
        }
    }

    public static Question of(String name, int type) {
        try {
            return new Question(Name.fromString(name, Name.root), type, DClass.IN);
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException("not a valid domain name: '" + name + "' (" + e.getMessage() + ")", e);
        }
    }

    /** "www.p2p.tu-darmstadt.de. A" */
    @Override
    public String toString() {
        return name + " " + Type.string(type) + (dclass == DClass.IN ? "" : " " + DClass.string(dclass));
    }
}

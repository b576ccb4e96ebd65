package org.resolvefx.core.sandbox;

import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A teaching scenario of a world: a name to resolve and what the students will see.
 *
 * @param id          stable key ("glueless")
 * @param title       short caption ("Glueless delegation")
 * @param qname       the name to resolve
 * @param qtype       the type to ask for (dnsjava constant)
 * @param description what happens, in a sentence or two
 */
public record Scenario(String id, String title, Name qname, int qtype, String description) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(qname, "qname");
        Objects.requireNonNull(description, "description");
    }

    /** "www.pbs.org. A" */
    public String questionText() {
        return qname + " " + Type.string(qtype);
    }
}

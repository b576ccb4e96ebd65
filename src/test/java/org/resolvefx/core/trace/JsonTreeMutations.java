package org.resolvefx.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Structural mutations of a JSON tree, for the fuzz tests of the JSON file formats (traces, lessons). */
public final class JsonTreeMutations {
    private JsonTreeMutations() {
    }

    /** Every (container, key) slot in the tree: {ObjectNode, field} or {ArrayNode, index}. */
    public static void collect(JsonNode node, List<Object[]> out) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Object[] {o, e.getKey()});
                collect(e.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Object[] {a, i});
                collect(a.get(i), out);
            }
        }
    }

    public static void mutate(Object[] slot, JsonNode value, int op) {
        if (slot[0] instanceof ObjectNode o) {
            String key = (String) slot[1];
            if (op == 0) {
                o.remove(key);
            } else {
                o.set(key, value);
            }
        } else {
            ArrayNode a = (ArrayNode) slot[0];
            int i = (Integer) slot[1];
            if (op == 0) {
                a.remove(i);
            } else if (op == 1) {
                a.set(i, value);
            } else {
                a.insert(i, a.get(i).deepCopy());
            }
        }
    }

}

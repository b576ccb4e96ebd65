/**
 * The DNS namespace as the classroom views draw it, and the layouts of the three figures:
 * {@link org.resolvefx.core.namespace.NamespaceTree} (built from zone data, learned from messages, or
 * both), {@link org.resolvefx.core.namespace.TreeLayout} (tidy tree drawing after Buchheim, Jünger and
 * Leipert), {@link org.resolvefx.core.namespace.FlowLayout} (the lecture's message-flow figure) and
 * {@link org.resolvefx.core.namespace.SequenceLayout} (a sequence diagram for long traces). Positions
 * are in abstract units that the views scale; nothing here knows JavaFX.
 */
package org.resolvefx.core.namespace;

package org.resolvefx.core.wire;

/**
 * Where a message stops making sense, in plain language
 * ("the answer record claims 16 bytes of data but only 3 remain").
 *
 * @param offset  byte offset of the fault within the message
 * @param message explanation for a student, naming what was expected and what was found
 */
public record DissectionError(int offset, String message) {
}

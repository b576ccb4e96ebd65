package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any bytes written in the layouts of xxd, tshark -x, hexdump -C or pasted hex read back as the same bytes. */
class HexTextPropertyTest {

    enum Layout { XXD, TSHARK, HEXDUMP, PAIRS, C_ARRAY, COLONS, RUN }

    @Property(tries = 500)
    void everyLayoutReadsBackTheSameBytes(@ForAll @Size(min = 1, max = 3) List<@Size(min = 1, max = 300) byte[]>
            messages, @ForAll Layout layout, @ForAll @IntRange(min = 1, max = 40) int width) {
        StringBuilder text = new StringBuilder("# generated\n");
        for (byte[] m : messages) {
            text.append(render(m, layout, width)).append("\n");
        }
        List<DnsPacket> read = Reading.packets(text.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(read).extracting(DnsPacket::message).containsExactlyElementsOf(messages);
        assertThat(read).allSatisfy(p -> assertThat(Reading.read(text.toString().getBytes(StandardCharsets.US_ASCII))
                .format()).isEqualTo(CaptureFormat.HEX_TEXT));
    }

    static String render(byte[] m, Layout layout, int width) {
        StringBuilder sb = new StringBuilder();
        switch (layout) {
            case XXD -> {
                for (int off = 0; off < m.length; off += 16) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = off; i < Math.min(m.length, off + 16); i++) {
                        hex.append(String.format("%02x", m[i]));
                        if ((i - off) % 2 == 1) {
                            hex.append(' ');
                        }
                    }
                    sb.append(String.format("%08x: %-40s %s%n", off, hex, ascii(m, off, 16)));
                }
            }
            case TSHARK -> {
                for (int off = 0; off < m.length; off += 16) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = off; i < Math.min(m.length, off + 16); i++) {
                        hex.append(String.format("%02x ", m[i]));
                    }
                    sb.append(String.format("%04x  %-48s  %s%n", off, hex, ascii(m, off, 16)));
                }
            }
            case HEXDUMP -> {
                for (int off = 0; off < m.length; off += 16) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = off; i < Math.min(m.length, off + 16); i++) {
                        hex.append(String.format("%02x ", m[i]));
                        if (i - off == 7) {
                            hex.append(' ');
                        }
                    }
                    sb.append(String.format("%08x  %-49s |%s|%n", off, hex, ascii(m, off, 16)));
                }
            }
            case PAIRS -> {
                for (int i = 0; i < m.length; i++) {
                    sb.append(String.format("%02X", m[i])).append((i + 1) % width == 0 ? "\n" : " ");
                }
            }
            case C_ARRAY -> {
                for (int i = 0; i < m.length; i++) {
                    sb.append(String.format("0x%02x,", m[i])).append((i + 1) % width == 0 ? "\n" : " ");
                }
            }
            case COLONS -> {
                List<String> parts = new ArrayList<>();
                for (byte b : m) {
                    parts.add(String.format("%02x", b));
                }
                sb.append(String.join(":", parts));
            }
            case RUN -> {
                for (int i = 0; i < m.length; i++) {
                    sb.append(String.format("%02x", m[i]));
                    if ((i + 1) % width == 0) {
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.append('\n').toString();
    }

    private static String ascii(byte[] m, int off, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < Math.min(m.length, off + n); i++) {
            int c = m[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.toString();
    }
}

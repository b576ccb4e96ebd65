package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The dissector shares caches between threads (field texts, flag subtrees); dissecting the same
 * messages on several threads at once must give exactly what one thread gives.
 */
class ConcurrentDissectionTest {

    @Test
    void sameResultsOnManyThreads() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (Path p : GoldenCorpus.pcaps()) {
            messages.addAll(PcapPayloads.dnsMessages(p));
        }
        List<Dissection> reference = messages.stream().map(Dissector::dissect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int shift = t * 17;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < messages.size(); i++) {
                            int k = (i + shift + round) % messages.size();
                            if (!Dissector.dissect(messages.get(k)).equals(reference.get(k))) {
                                throw new AssertionError("message " + k + " differs on " + Thread.currentThread());
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(20 * messages.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

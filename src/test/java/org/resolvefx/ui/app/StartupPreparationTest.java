package org.resolvefx.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.trace.ResolutionMode;
import org.xbill.DNS.Name;

/**
 * What the launcher prepares while the toolkit starts is what the window used to build itself: the
 * bundled world, a resolver serving it whose cache holds the example's answers, the lecture's lookup
 * resolved recursively from the root, and the world's namespace tree. The first window takes it once;
 * every later window prepares its own.
 */
class StartupPreparationTest {

    @Test
    void preparesTheLectureLookupInTheBundledWorld() throws Exception {
        StartupPreparation.Prepared p = StartupPreparation.prepare();
        try {
            assertEquals(ClassroomActions.LECTURE_QUESTION, p.example().question());
            assertEquals(ResolutionMode.RECURSIVE, p.example().mode());
            assertEquals(Optional.of(p.world().id()), p.example().worldId());
            // client -> resolver, then the resolver's walk root -> de -> tu-darmstadt.de -> answer, and back
            assertTrue(p.example().messages().size() >= 8, "messages: " + p.example().messages().size());
            assertSame(p.world(), p.resolver().world());
            assertTrue(p.worldTree().contains(Name.fromString("tu-darmstadt.de.")));
            // the resolver's cache already holds the answer: asking again takes two messages
            assertEquals(2, p.resolver().resolveNow(ClassroomActions.LECTURE_QUESTION, ResolutionMode.RECURSIVE)
                    .messages().size());
        } finally {
            p.resolver().close();
        }
    }

    @Test
    void theFirstTakeGetsWhatBeganInTheBackgroundLaterOnesPrepareTheirOwn() {
        StartupPreparation.begin();
        StartupPreparation.Prepared first = StartupPreparation.take();
        StartupPreparation.Prepared second = StartupPreparation.take();
        try {
            assertNotSame(first.resolver(), second.resolver());
            assertEquals(first.example().messages().size(), second.example().messages().size());
        } finally {
            first.resolver().close();
            second.resolver().close();
        }
    }
}

package org.resolvefx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A view that follows the language is told of every switch while it lives, and can still be collected. */
class LocaleListenerTest {

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void theOwnerIsToldOfEverySwitch() {
        I18n.setLocale(I18n.ENGLISH);
        Group view = new Group();
        AtomicInteger switches = new AtomicInteger();
        I18n.onLocaleChange(view, switches::incrementAndGet);
        I18n.setLocale(I18n.GERMAN);
        I18n.setLocale(I18n.ENGLISH);
        assertThat(switches).hasValue(2);
        assertThat(view).isNotNull();
    }

    @Test
    void aViewThatFollowsTheLanguageIsNotKeptAliveByIt() throws InterruptedException {
        AtomicInteger switches = new AtomicInteger();
        WeakReference<Group> ref = register(switches);
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(ref.get()).as("the view after the last reference to it is gone").isNull();
        I18n.setLocale(I18n.GERMAN);
        assertThat(switches).hasValue(0);
    }

    private static WeakReference<Group> register(AtomicInteger switches) {
        Group view = new Group();
        // the action refers to the view, as real ones do (this::refresh)
        I18n.onLocaleChange(view, () -> {
            view.setUserData("refreshed");
            switches.incrementAndGet();
        });
        return new WeakReference<>(view);
    }
}

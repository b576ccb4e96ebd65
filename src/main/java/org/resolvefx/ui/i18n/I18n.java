package org.resolvefx.ui.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;

/**
 * Every visible text of the interface comes from here, so the language can switch at run time:
 * views bind their labels to {@link #text(String, Object...)} and follow {@link #localeProperty()}.
 * Wireshark field names (dns.flags.rd ...) are never translated.
 */
public final class I18n {
    public static final String BUNDLE = "org.resolvefx.ui.i18n.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(systemDefault());

    private I18n() {
    }

    /** German when the system speaks German, English otherwise (the two languages we ship). */
    public static Locale systemDefault() {
        return "de".equals(Locale.getDefault().getLanguage()) ? GERMAN : ENGLISH;
    }

    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    public static void setLocale(Locale locale) {
        LOCALE.set("de".equals(locale.getLanguage()) ? GERMAN : ENGLISH);
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for a key in the current language, with {0}-style arguments filled in. */
    public static String get(String key, Object... args) {
        return format(locale(), key, args);
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // visible but harmless: a test (I18nCompletenessTest) fails long before users see this
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Runs {@code action} on the FX thread whenever the language changes, for as long as {@code owner} lives.
     * The locale property is static: a plain listener on it would keep every view that ever registered one
     * (and its whole window) reachable for good, so the locale holds the listener weakly and the owner holds
     * it strongly.
     */
    public static void onLocaleChange(Node owner, Runnable action) {
        ChangeListener<Locale> listener = (obs, o, n) -> action.run();
        @SuppressWarnings("unchecked")
        List<ChangeListener<Locale>> held = (List<ChangeListener<Locale>>) owner.getProperties()
                .computeIfAbsent(LISTENERS_KEY, k -> new ArrayList<ChangeListener<Locale>>());
        held.add(listener);
        LOCALE.addListener(new WeakChangeListener<>(listener));
    }

    private static final Object LISTENERS_KEY = new Object();

    /** A binding that follows the language. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), LOCALE);
    }
}

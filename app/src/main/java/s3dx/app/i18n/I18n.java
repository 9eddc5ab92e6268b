package s3dx.app.i18n;

import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import s3dx.app.files.Settings;

/**
 * The app's words: every visible string comes from the {@code s3dx/app/i18n/messages} bundles (English, the root,
 * and Simplified Chinese). A language is its resource file and nothing else: {@link #LANGUAGES} are the bundles found
 * next to the root one, named in the menu by their own {@code language.name}. {@link #t} looks a key up; patterns
 * use {@link String#format} placeholders.
 * The language is chosen once per window build ({@link #setLocale}); views read it while they are built.
 */
public final class I18n {
    public static final String BUNDLE = "s3dx.app.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The languages offered in the Settings menu: English and every translation of the bundle. */
    public static final List<Locale> LANGUAGES = available(BUNDLE);

    private static Locale locale = supported(Locale.getDefault());
    private static ResourceBundle bundle = load(locale);

    private I18n() {}

    public static synchronized Locale locale() {
        return locale;
    }

    public static synchronized void setLocale(Locale l) {
        locale = supported(l);
        bundle = load(locale);
    }

    /** The language offered for {@code l}: the same locale, else one of the same language (any Chinese: Simplified), else English. */
    public static Locale supported(Locale l) {
        if (l == null) return Locale.ENGLISH;
        if (LANGUAGES.contains(l)) return l;
        return LANGUAGES.stream().filter(x -> x.getLanguage().equals(l.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }

    /** English (the root bundle) and each locale that has its own {@code BASE_<locale>.properties}, in the JDK's locale order. */
    static List<Locale> available(String base) {
        String path = base.replace('.', '/');
        List<Locale> out = new java.util.ArrayList<>(List.of(Locale.ENGLISH));
        java.util.Arrays.stream(Locale.getAvailableLocales())
                .filter(l -> !l.toString().isEmpty() && !l.equals(Locale.ENGLISH) && l.getVariant().isEmpty() && l.getScript().isEmpty())
                .filter(l -> I18n.class.getClassLoader().getResource(path + "_" + l + ".properties") != null)
                .sorted(java.util.Comparator.comparing(Locale::toString))
                .forEach(out::add);
        return List.copyOf(out);
    }

    /** The language's name in itself, for the menu. */
    public static String languageName(Locale l) {
        return bundle(l).getString("language.name");
    }

    public static boolean chinese() {
        return CHINESE.equals(locale());
    }

    /** The text for {@code key}; the key itself when it is missing (a test checks none is). */
    public static String t(String key) {
        ResourceBundle b;
        synchronized (I18n.class) {
            b = bundle;
        }
        try {
            return b.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The text for {@code key} formatted with {@code args} ({@link String#format} placeholders). */
    public static String t(String key, Object... args) {
        return String.format(Locale.ROOT, t(key), args);
    }

    /** A class label of the model ("moving left") in the current language; unknown labels stay as they are. */
    public static String classLabel(String label) {
        String key = "class." + label.trim().replace(' ', '_');
        return has(key) ? t(key) : label;
    }

    public static boolean has(String key) {
        return bundle(locale()).containsKey(key);
    }

    public static ResourceBundle bundle(Locale l) {
        return load(supported(l));
    }

    /** Every key of the bundle for {@code l}. */
    public static Set<String> keys(Locale l) {
        Set<String> out = new HashSet<>();
        for (Enumeration<String> e = bundle(l).getKeys(); e.hasMoreElements(); ) out.add(e.nextElement());
        return out;
    }

    private static ResourceBundle load(Locale l) {
        // No fallback to the system locale: English is the root bundle.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
